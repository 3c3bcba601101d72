import { request } from '../api.js';
import { openDialog } from '../dialog.js';
import { h } from '../dom.js';
import { bytes } from '../format.js';
import { downloadUrl, previewUrl, startDownload } from './object-links.js';

// Previews in the page. Media and PDF are loaded by the browser from the preview route, which the
// server always answers sandboxed (Content-Security-Policy: sandbox, nosniff) and never inline for
// HTML or SVG; text is fetched and shown as text, never as markup.

/** The server's limit (PreviewRoutes.MAX_PREVIEW_BYTES). */
export const MAX_PREVIEW = 64 * 1024 * 1024;

/** Text is shown whole in a <pre>: beyond this it would only slow the page down. */
export const MAX_TEXT_PREVIEW = 2 * 1024 * 1024;

const IMAGE = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/bmp'];
const TEXT = ['text/plain', 'text/csv', 'text/markdown', 'text/x-log', 'application/json', 'application/x-ndjson',
  'application/yaml', 'text/yaml'];
const BY_EXTENSION = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp',
  mp3: 'audio/mpeg', ogg: 'audio/ogg', wav: 'audio/wav', mp4: 'video/mp4', webm: 'video/webm',
  pdf: 'application/pdf', txt: 'text/plain', log: 'text/plain', csv: 'text/csv', md: 'text/markdown',
  json: 'application/json',
};

/** What kind of preview an object gets: 'image', 'audio', 'video', 'pdf', 'json', 'text' or null. */
export function previewKind(contentType, key) {
  let type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (!type || type === 'binary/octet-stream' || type === 'application/octet-stream') {
    const name = key.slice(key.lastIndexOf('/') + 1);
    const dot = name.lastIndexOf('.');
    type = dot > 0 ? BY_EXTENSION[name.slice(dot + 1).toLowerCase()] ?? '' : '';
  }
  if (IMAGE.includes(type)) return 'image';
  if (type.startsWith('audio/')) return 'audio';
  if (type.startsWith('video/')) return 'video';
  if (type === 'application/pdf') return 'pdf';
  if (type === 'application/json') return 'json';
  if (TEXT.includes(type)) return 'text';
  return null;
}

/** Why an object cannot be previewed, or null when it can. */
export function noPreviewReason(o) {
  const kind = previewKind(o.content_type, o.key);
  if (!kind) return `There is no preview for ${o.content_type || 'this type'}: download it instead.`;
  if (o.encryption?.mode === 'SSE-C') return 'This object is encrypted with a customer-provided key, which the console never has.';
  const limit = kind === 'text' || kind === 'json' ? MAX_TEXT_PREVIEW : MAX_PREVIEW;
  if (o.size > limit) return `This object is ${bytes(o.size)}, over the preview limit of ${bytes(limit)}: download it instead.`;
  return null;
}

/** Opens the preview of an object whose details `o` the API gave. */
export async function previewObject(bucket, o) {
  const name = o.key.split('/').filter(Boolean).pop() ?? o.key;
  const reason = noPreviewReason(o);
  const body = reason ? h('p', { class: 'hint', id: 'preview-none' }, reason) : await previewElement(bucket, o, name);
  openDialog({
    title: `Preview: ${name}`,
    wide: true,
    closeLabel: 'Close',
    content: h('div', { class: 'preview', id: 'object-preview' }, body),
    actions: o.encryption?.mode === 'SSE-C' ? []
      : [{ label: 'Download', kind: 'primary', run: async () => { startDownload(downloadUrl(bucket, o.key, o.version_id), name); return true; } }],
  });
}

async function previewElement(bucket, o, name) {
  const url = previewUrl(bucket, o.key, o.version_id);
  switch (previewKind(o.content_type, o.key)) {
    case 'image': return h('img', { src: url, alt: name, class: 'preview-image' });
    case 'audio': return h('audio', { src: url, controls: true, preload: 'metadata', 'aria-label': name });
    case 'video': return h('video', { src: url, controls: true, preload: 'metadata', class: 'preview-video', 'aria-label': name });
    // A frame of the preview route, which the server serves sandboxed: the PDF cannot reach the console.
    case 'pdf': return h('iframe', { src: url, title: name, class: 'preview-frame' });
    default: {
      const text = await (await request('GET', url.slice('/api/v1'.length))).text();
      return h('pre', { class: 'preview-text' }, previewKind(o.content_type, o.key) === 'json' ? pretty(text) : text);
    }
  }
}

/** JSON indented for reading; left as it is when it does not parse. */
function pretty(text) {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
