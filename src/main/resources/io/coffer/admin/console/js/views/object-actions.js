import { api, downloadPath, enc, objectPath, request } from '../api.js';
import { confirmAction, openDialog } from '../dialog.js';
import { h } from '../dom.js';
import { bytes, count, dateTime } from '../format.js';
import { progressToast, toast } from '../notify.js';
import { tagEditor } from './tag-editor.js';
import { bucketSettings, versionHistory } from './versions.js';

const DELETE_BATCH = 1000;

/** S3 allows 10 tags on an object version. */
const MAX_OBJECT_TAGS = 10;

/**
 * Streams an object through the API (which needs the key header, so a plain link cannot) and
 * hands it to the browser as a download, showing progress on the way.
 */
export async function downloadObject(bucket, key, versionId) {
  const name = key.split('/').filter(Boolean).pop() ?? 'download';
  const progress = progressToast(`Downloading ${name}`);
  try {
    const version = versionId ? `?version_id=${enc(versionId)}` : '';
    const response = await request('GET', downloadPath(bucket, key) + version);
    const total = Number(response.headers.get('Content-Length')) || 0;
    const reader = response.body.getReader();
    const chunks = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      progress.update(received, total);
    }
    const type = response.headers.get('Content-Type') ?? 'application/octet-stream';
    const url = URL.createObjectURL(new Blob(chunks, { type }));
    const link = h('a', { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    progress.done(`Downloaded ${name}.`);
  } catch (e) {
    progress.fail(e);
  }
}

/**
 * Asks, then deletes the keys in batches, and every object under each of the folders (listed page
 * by page as it goes, so a folder of millions of keys is never held at once), reporting progress
 * and every key that failed.
 */
export function deleteObjects(bucket, keys, after, folders = []) {
  const objectsText = keys.length === 1 ? `"${keys[0]}"` : `${count(keys.length)} objects`;
  const foldersText = folders.length === 1 ? `the folder "${folders[0]}"` : `${count(folders.length)} folders`;
  const what = !folders.length ? objectsText : keys.length ? `${foldersText} and ${objectsText}` : foldersText;
  const title = folders.length ? (folders.length === 1 && !keys.length ? 'Delete folder' : 'Delete folders and objects')
    : keys.length === 1 ? 'Delete object' : 'Delete objects';
  const inside = folders.length ? ` Everything in ${folders.length === 1 ? 'the folder' : 'these folders'} is deleted too.` : '';
  return confirmAction({
    title,
    message: `Delete ${what} from ${bucket}?${inside} This cannot be undone.`,
    confirmLabel: 'Delete',
    run: async () => {
      const progress = keys.length > DELETE_BATCH || folders.length ? progressToast(`Deleting ${what}`) : null;
      const failed = [];
      let deleted = 0;
      const deleteBatch = async (batch) => {
        const result = await api('POST', `/buckets/${enc(bucket)}/objects/delete`, { keys: batch });
        deleted += result.deleted.length;
        failed.push(...(result.errors ?? []));
      };
      for (let i = 0; i < keys.length; i += DELETE_BATCH) {
        await deleteBatch(keys.slice(i, i + DELETE_BATCH));
        progress?.update(i + DELETE_BATCH, keys.length);
      }
      for (const folder of folders) {
        let marker = null;
        do {
          const params = new URLSearchParams({ prefix: folder, limit: String(DELETE_BATCH) });
          if (marker) params.set('marker', marker);
          const page = await api('GET', `/buckets/${enc(bucket)}/objects?${params}`);
          if (page.objects.length) await deleteBatch(page.objects.map((o) => o.key));
          marker = page.truncated ? page.next_marker : null;
        } while (marker);
      }
      await after();
      if (failed.length) {
        progress?.fail(new Error(`${failed.length} not deleted`));
        throw new Error(`Deleted ${deleted}; not deleted: ${failed.map((f) => `${f.key}: ${f.message}`).join('; ')}`);
      }
      const message = folders.length ? `Deleted ${what} (${count(deleted)} ${deleted === 1 ? 'object' : 'objects'}).`
        : progress ? `Deleted ${count(deleted)} objects.` : `Deleted ${what}.`;
      if (progress) progress.done(message);
      else toast(message, 'success');
    },
  });
}

/** How an object is stored at rest, in words (never any key material: the API has none). */
function encryptionText(e) {
  if (!e) return 'None (stored unencrypted)';
  switch (e.mode) {
    case 'SSE-S3': return 'SSE-S3 (AES256, key managed by Coffer)';
    case 'SSE-KMS': return `SSE-KMS (aws:kms) with key ${e.kms_key_id}${e.bucket_key_enabled ? ', bucket key enabled' : ''}`;
    case 'SSE-C': return 'SSE-C (customer-provided key; download over S3 with the key)';
    default: return e.mode;
  }
}

/**
 * Everything the API knows about one object, with its actions and, in a bucket that has been
 * versioned, its version history.
 */
export async function showDetails(bucket, key, { onShare, onDeleted, settings }) {
  const [o, bucketInfo] = await Promise.all([api('GET', objectPath(bucket, key)), settings ?? bucketSettings(bucket)]);
  // the tags of the version shown, even if another becomes current meanwhile
  const tagsPath = `${objectPath(bucket, key)}/tags?version_id=${enc(o.version_id)}`;
  const { tags } = await api('GET', tagsPath);
  const rows = [
    ['Key', o.key], ['Size', `${bytes(o.size)} (${count(o.size)} bytes)`], ['Content type', o.content_type],
    ['ETag', o.etag], ['Multipart', o.is_multipart ? `yes, ${count(o.part_count)} parts` : 'no'],
    ['Part count', count(o.part_count)], ['Created', dateTime(o.created_at)], ['Updated', dateTime(o.updated_at)],
    ['Storage path', o.storage_path],
    ['Version ID', o.version_id],
    ['Encryption', encryptionText(o.encryption)],
  ];
  if (bucketInfo.objectLock) {
    rows.push(['Retention', o.retention_mode ? `${o.retention_mode} until ${dateTime(o.retain_until)}` : 'none'],
      ['Legal hold', o.legal_hold ? 'on' : 'off']);
  }
  const metadata = Object.entries(o.metadata ?? {});
  const content = [
    h('dl', { class: 'details', id: 'object-details' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', { dataset: { field: k } }, v ?? '')])),
    h('h3', {}, 'User metadata'),
    metadata.length
      ? h('table', { class: 'data', id: 'object-metadata' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Value'))),
        h('tbody', {}, metadata.map(([k, v]) => h('tr', {}, h('td', {}, k), h('td', {}, v)))))
      : h('p', { class: 'hint' }, 'No user metadata.'),
    h('h3', {}, 'Tags'),
    tagEditor({
      id: 'object-tags',
      tags,
      max: MAX_OBJECT_TAGS,
      what: key,
      save: async (changed) => (await api('POST', tagsPath, { tags: changed })).tags,
    }),
  ];
  if (bucketInfo.versioning) {
    const history = versionHistory(bucket, key, { objectLock: bucketInfo.objectLock, onChanged: onDeleted });
    content.push(h('h3', {}, 'Versions'), history.element);
    await history.reload();
  }
  openDialog({
    title: 'Object details',
    wide: true,
    closeLabel: 'Close',
    content,
    actions: [
      // an SSE-C object needs its customer's key, which the console never has
      o.encryption?.mode === 'SSE-C' ? null
        : { label: 'Download', kind: 'primary', run: async () => { downloadObject(bucket, key); return true; } },
      { label: 'Share', run: async (d) => { d.close(); onShare(); } },
      { label: 'Delete', kind: 'danger', run: async (d) => { d.close(); deleteObjects(bucket, [key], onDeleted); } },
    ].filter(Boolean),
  });
}
