import { enc } from '../api.js';

// Addresses the browser itself fetches (a link, an <img>, a frame) rather than fetch(): the
// session cookie authenticates them, so the bytes stream straight to the download manager or the
// element, never through the page's memory.

const version = (versionId) => (versionId ? `?version_id=${enc(versionId)}` : '');

export function downloadUrl(bucket, key, versionId) {
  return `/api/v1/buckets/${enc(bucket)}/download/${enc(key)}${version(versionId)}`;
}

/** The sandboxed preview route (see PreviewRoutes): never runs anything on the console's origin. */
export function previewUrl(bucket, key, versionId) {
  return `/api/v1/buckets/${enc(bucket)}/preview/${enc(key)}${version(versionId)}`;
}

/** A zip of keys and folders (prefixes) of one folder, `base`, whose names are relative to it. */
export function zipUrl(bucket, base, keys, prefixes) {
  const params = new URLSearchParams();
  params.set('base', base);
  keys.forEach((k) => params.append('key', k));
  prefixes.forEach((p) => params.append('prefix', p));
  return `/api/v1/buckets/${enc(bucket)}/zip?${params}`;
}

/** Hands a URL to the browser's download manager, as a click on a download link would. */
export function startDownload(url, name) {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}
