import { api, downloadPath, enc, objectPath, request } from '../api.js';
import { confirmAction, openDialog } from '../dialog.js';
import { h } from '../dom.js';
import { count, dateTime } from '../format.js';
import { progressToast, toast } from '../notify.js';

const DELETE_BATCH = 1000;

/**
 * Streams an object through the API (which needs the key header, so a plain link cannot) and
 * hands it to the browser as a download, showing progress on the way.
 */
export async function downloadObject(bucket, key) {
  const name = key.split('/').filter(Boolean).pop() ?? 'download';
  const progress = progressToast(`Downloading ${name}`);
  try {
    const response = await request('GET', downloadPath(bucket, key));
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

/** Asks, then deletes the keys in batches, reporting progress and every key that failed. */
export function deleteObjects(bucket, keys, after) {
  const what = keys.length === 1 ? `"${keys[0]}"` : `${count(keys.length)} objects`;
  return confirmAction({
    title: keys.length === 1 ? 'Delete object' : 'Delete objects',
    message: `Delete ${what} from ${bucket}? This cannot be undone.`,
    confirmLabel: 'Delete',
    run: async () => {
      const progress = keys.length > DELETE_BATCH ? progressToast(`Deleting ${what}`) : null;
      const failed = [];
      let deleted = 0;
      for (let i = 0; i < keys.length; i += DELETE_BATCH) {
        const result = await api('POST', `/buckets/${enc(bucket)}/objects/delete`, { keys: keys.slice(i, i + DELETE_BATCH) });
        deleted += result.deleted.length;
        failed.push(...(result.errors ?? []));
        progress?.update(i + DELETE_BATCH, keys.length);
      }
      await after();
      if (failed.length) {
        progress?.fail(new Error(`${failed.length} not deleted`));
        throw new Error(`Deleted ${deleted}; not deleted: ${failed.map((f) => `${f.key}: ${f.message}`).join('; ')}`);
      }
      if (progress) progress.done(`Deleted ${count(deleted)} objects.`);
      else toast(`Deleted ${what}.`, 'success');
    },
  });
}

/** Everything the API knows about one object, with its actions. */
export async function showDetails(bucket, key, { onShare, onDeleted }) {
  const o = await api('GET', objectPath(bucket, key));
  const rows = [
    ['Key', o.key], ['Size', `${o.size_human} (${count(o.size)} bytes)`], ['Content type', o.content_type],
    ['ETag', o.etag], ['Multipart', o.is_multipart ? `yes, ${count(o.part_count)} parts` : 'no'],
    ['Part count', count(o.part_count)], ['Created', dateTime(o.created_at)], ['Updated', dateTime(o.updated_at)],
    ['Storage path', o.storage_path],
  ];
  const metadata = Object.entries(o.metadata ?? {});
  const content = [
    h('dl', { class: 'details', id: 'object-details' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', { dataset: { field: k } }, v ?? '')])),
    h('h3', {}, 'User metadata'),
    metadata.length
      ? h('table', { class: 'data', id: 'object-metadata' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Value'))),
        h('tbody', {}, metadata.map(([k, v]) => h('tr', {}, h('td', {}, k), h('td', {}, v)))))
      : h('p', { class: 'hint' }, 'No user metadata.'),
  ];
  openDialog({
    title: 'Object details',
    wide: true,
    closeLabel: 'Close',
    content,
    actions: [
      { label: 'Download', kind: 'primary', run: async () => { downloadObject(bucket, key); return true; } },
      { label: 'Share', run: async (d) => { d.close(); onShare(); } },
      { label: 'Delete', kind: 'danger', run: async (d) => { d.close(); deleteObjects(bucket, [key], onDeleted); } },
    ],
  });
}
