import { api, enc, objectPath } from '../api.js';
import { confirmAction, openDialog } from '../dialog.js';
import { h } from '../dom.js';
import { bytes, count, dateTime } from '../format.js';
import { showError, toast } from '../notify.js';
import { keysUnder, moveOrCopy } from './folder-actions.js';
import { editMetadata } from './metadata-editor.js';
import { downloadUrl, startDownload } from './object-links.js';
import { previewObject } from './preview.js';
import { startTask } from './task-progress.js';
import { tagEditor } from './tag-editor.js';
import { bucketSettings, versionHistory } from './versions.js';

const DELETE_BATCH = 1000;

/** S3 allows 10 tags on an object version. */
const MAX_OBJECT_TAGS = 10;

/**
 * Hands the object to the browser's download manager by a plain link to the API, which the session
 * cookie authenticates: the bytes stream to disk with the browser's own progress, never through the
 * page's memory.
 */
export function downloadObject(bucket, key, versionId) {
  const name = key.split('/').filter(Boolean).pop() ?? 'download';
  startDownload(downloadUrl(bucket, key, versionId), name);
  toast(`Downloading ${name}: your browser's downloads show its progress.`, 'success');
}

/**
 * Asks, then deletes the keys in batches, and every object under each of the folders (listed page
 * by page as it goes, so a folder of millions of keys is never held at once). A folder's deletion
 * runs in a task panel with progress and Cancel; every key that failed is reported.
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
      // a few keys are deleted at once; folders and long lists get a panel with Cancel
      if (!folders.length && keys.length <= DELETE_BATCH) {
        const result = await api('POST', `/buckets/${enc(bucket)}/objects/delete`, { keys });
        await after();
        const failed = result.errors ?? [];
        if (failed.length) {
          throw new Error(`Deleted ${result.deleted.length}; not deleted: ${failed.map((f) => `${f.key}: ${f.message}`).join('; ')}`);
        }
        toast(keys.length === 1 ? `Deleted ${what}.` : `Deleted ${count(result.deleted.length)} objects.`, 'success');
        return;
      }
      deleteInBackground(bucket, keys, folders, what, after);
    },
  });
}

async function deleteInBackground(bucket, keys, folders, what, after) {
  const task = startTask(`Deleting ${what}`);
  const failures = [];
  let deleted = 0;
  const deleteBatch = async (batch) => {
    const result = await api('POST', `/buckets/${enc(bucket)}/objects/delete`, { keys: batch });
    deleted += result.deleted.length;
    failures.push(...(result.errors ?? []));
    task.update(deleted + failures.length, folders.length ? 0 : keys.length);
  };
  try {
    for (let i = 0; i < keys.length && !task.cancelled(); i += DELETE_BATCH) {
      await deleteBatch(keys.slice(i, i + DELETE_BATCH));
    }
    for (const folder of folders) {
      // A page is listed, then deleted; the next page starts after its last key.
      let batch = [];
      for await (const key of keysUnder(bucket, folder, task.signal)) {
        batch.push(key);
        if (batch.length === DELETE_BATCH) {
          await deleteBatch(batch);
          batch = [];
          if (task.cancelled()) break;
        }
      }
      if (batch.length && !task.cancelled()) await deleteBatch(batch);
      if (task.cancelled()) break;
    }
  } catch (e) {
    failures.push({ key: '(stopped)', message: e.message });
  }
  await after().catch(() => {});
  const objectsWord = `${count(deleted)} ${deleted === 1 ? 'object' : 'objects'}`;
  if (task.cancelled()) {
    task.finish(`Cancelled after deleting ${objectsWord}; the rest is still there.`, failures);
  } else if (failures.length) {
    task.finish(`Deleted ${objectsWord}; ${count(failures.length)} not deleted.`, failures);
  } else {
    task.finish(folders.length ? `Deleted ${what} (${objectsWord}).` : `Deleted ${objectsWord}.`);
    toast(folders.length ? `Deleted ${what} (${objectsWord}).` : `Deleted ${objectsWord}.`, 'success');
  }
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
export async function showDetails(bucket, key, { onShare, onDeleted, settings, base = '' }) {
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
      o.encryption?.mode === 'SSE-C' ? null
        : { label: 'Preview', run: async (d) => { d.close(); previewObject(bucket, o).catch(showError); } },
      { label: 'Share', run: async (d) => { d.close(); onShare(); } },
      o.encryption?.mode === 'SSE-C' ? null
        : { label: 'Edit metadata', run: async (d) => { d.close(); editMetadata(bucket, o, onDeleted); } },
      o.encryption?.mode === 'SSE-C' ? null
        : { label: 'Rename or move', run: async (d) => { d.close(); await moveOrCopy(bucket, base, { keys: [key], folders: [] }, 'move', onDeleted); } },
      o.encryption?.mode === 'SSE-C' ? null
        : { label: 'Copy', run: async (d) => { d.close(); await moveOrCopy(bucket, base, { keys: [key], folders: [] }, 'copy', onDeleted); } },
      { label: 'Delete', kind: 'danger', run: async (d) => { d.close(); deleteObjects(bucket, [key], onDeleted); } },
    ].filter(Boolean),
  });
}
