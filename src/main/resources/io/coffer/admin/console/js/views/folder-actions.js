import { api, enc, objectPath, request } from '../api.js';
import { openDialog } from '../dialog.js';
import { field, h } from '../dom.js';
import { count } from '../format.js';
import { showError, toast } from '../notify.js';
import { startDownload, zipUrl } from './object-links.js';
import { startTask } from './task-progress.js';

// Folder-level work in the object browser: create a folder, move (rename) or copy objects and
// folders, and download a selection as one zip. A folder is every key under a prefix, listed a
// page at a time as the work goes, so a folder of millions of keys is never held at once.

const PAGE = 1000;

/** Copies run a few at a time: faster than one by one, without flooding the server. */
const PARALLEL_COPIES = 4;

/** The zip link is a GET: past this length its request line would be refused. */
const MAX_URL = 12000;

/** Every key under `prefix`, a page at a time (an async generator). */
export async function* keysUnder(bucket, prefix, signal) {
  let marker = null;
  do {
    if (signal?.aborted) return;
    const params = new URLSearchParams({ prefix, limit: String(PAGE) });
    if (marker) params.set('marker', marker);
    const page = await api('GET', `/buckets/${enc(bucket)}/objects?${params}`);
    for (const o of page.objects) yield o.key;
    marker = page.truncated ? page.next_marker : null;
  } while (marker);
}

/**
 * "New folder": an empty object named `<prefix><name>/`, a folder marker, as AWS's console makes
 * it. The listing shows it as a folder at once, even before anything is put in it.
 */
export function createFolder(bucket, prefix, after) {
  const name = h('input', { id: 'folder-name', required: true, spellcheck: false, autocomplete: 'off' });
  openDialog({
    title: 'Create folder',
    content: field('Folder name', name, `Created in ${bucket}/${prefix}. A slash makes nested folders (a/b).`),
    actions: [{
      label: 'Create folder',
      kind: 'primary',
      run: async () => {
        const cleaned = name.value.trim().replace(/^\/+|\/+$/g, '');
        if (!cleaned) throw new Error('Give the folder a name.');
        if (cleaned.split('/').some((s) => s === '' || s === '.' || s === '..')) {
          throw new Error('A folder name has no empty, "." or ".." parts.');
        }
        const key = `${prefix}${cleaned}/`;
        const existing = await api('GET', `/buckets/${enc(bucket)}/objects?${new URLSearchParams({ prefix: key, limit: '1' })}`);
        if (existing.objects.length) throw new Error(`The folder "${key}" already exists.`);
        await request('PUT', objectPath(bucket, key));
        toast(`Created the folder "${key}".`, 'success');
        await after();
      },
    }],
  });
}

/**
 * Move (rename) or copy objects and folders of the folder `base`: a server-side copy of every key,
 * and for a move the source deleted once its copy exists. Runs in a task panel with progress and
 * Cancel, and reports every key that failed.
 * what: {keys: [...], folders: [...]}; mode: 'move' | 'copy'.
 */
export async function moveOrCopy(bucket, base, what, mode, after) {
  const { buckets } = await api('GET', '/buckets');
  const single = what.keys.length + what.folders.length === 1;
  const singleKey = single && what.keys.length === 1 ? what.keys[0] : null;
  const singleFolder = single && what.folders.length === 1 ? what.folders[0] : null;
  const targetBucket = h('select', { id: 'transfer-bucket' },
    buckets.map((b) => h('option', { value: b.name, selected: b.name === bucket }, b.name)));
  const target = h('input', { id: 'transfer-target', spellcheck: false, value: singleKey ?? singleFolder ?? base });
  const verb = mode === 'move' ? 'Move' : 'Copy';
  const label = singleKey ? 'Destination key' : 'Destination folder';
  const hint = singleKey ? 'The whole key, folders included: change only the name to rename.'
    : singleFolder ? 'The folder and everything in it get this path (ending in /); the top of the bucket is empty.'
      : 'The selected objects and folders go into this folder (ending in /; empty: the top of the bucket).';
  const what1 = singleKey ? `"${singleKey}"` : singleFolder ? `the folder "${singleFolder}"`
    : `${count(what.keys.length + what.folders.length)} selected items`;
  openDialog({
    title: `${verb} ${what1}`,
    content: [field('Destination bucket', targetBucket), field(label, target, hint)],
    actions: [{
      label: verb,
      kind: 'primary',
      run: async () => {
        const toBucket = targetBucket.value;
        let dest = target.value.trim();
        if (!singleKey && dest && !dest.endsWith('/')) dest += '/';
        if (singleKey && !dest) throw new Error('Give the destination key.');
        const root = singleFolder ?? base;
        const mapKey = singleKey ? () => dest : (key) => dest + key.slice(root.length);
        if (toBucket === bucket && (singleKey ? dest === singleKey : dest === root)) {
          throw new Error('That is where it already is: choose another name, folder or bucket.');
        }
        if (toBucket === bucket && what.folders.some((f) => (dest + f.slice(root.length)).startsWith(f))) {
          throw new Error('A folder cannot go inside itself.');
        }
        runTransfer({ bucket, toBucket, what, mapKey, mode, title: `${verb === 'Move' ? 'Moving' : 'Copying'} ${what1} to ${toBucket}/${dest}`, after });
      },
    }],
  });
}

async function runTransfer({ bucket, toBucket, what, mapKey, mode, title, after }) {
  const task = startTask(title);
  const failures = [];
  let done = 0;
  const known = what.folders.length ? 0 : what.keys.length;
  const moveOne = async (key) => {
    try {
      await api('POST', `${objectPath(bucket, key)}/copy`, { target_bucket: toBucket, target_key: mapKey(key) });
    } catch (e) {
      failures.push({ key, message: `not copied: ${e.message}` });
      return;
    }
    if (mode === 'move') {
      try {
        const result = await api('POST', `/buckets/${enc(bucket)}/objects/delete`, { keys: [key] });
        (result.errors ?? []).forEach((f) => failures.push({ key, message: `copied, but not deleted: ${f.message}` }));
      } catch (e) {
        failures.push({ key, message: `copied, but not deleted: ${e.message}` });
      }
    }
    done++;
    task.update(done, known);
  };
  const run = async (keys) => {
    const pending = [...keys];
    const worker = async () => {
      while (pending.length && !task.cancelled()) await moveOne(pending.shift());
    };
    await Promise.all(Array.from({ length: PARALLEL_COPIES }, worker));
  };
  try {
    await run(what.keys);
    for (const folder of what.folders) {
      let batch = [];
      // A page is listed before any of it moves, so the listing's marker stays valid.
      for await (const key of keysUnder(bucket, folder, task.signal)) {
        batch.push(key);
        if (batch.length === PAGE) {
          await run(batch);
          batch = [];
        }
        if (task.cancelled()) break;
      }
      await run(batch);
      if (task.cancelled()) break;
    }
  } catch (e) {
    failures.push({ key: '(stopped)', message: e.message });
  }
  const verb = mode === 'move' ? 'Moved' : 'Copied';
  const summary = task.cancelled()
    ? `Cancelled: ${verb.toLowerCase()} ${count(done)} ${done === 1 ? 'object' : 'objects'} before stopping.`
    : `${verb} ${count(done)} ${done === 1 ? 'object' : 'objects'}${failures.length ? `; ${count(failures.length)} failed` : ''}.`;
  task.finish(summary, failures);
  await after().catch(showError);
}

/** Downloads keys and folders of the folder `base` as one zip, streamed by the server. */
export function downloadZip(bucket, base, keys, folders) {
  const url = zipUrl(bucket, base, keys, folders);
  if (url.length > MAX_URL) {
    throw new Error('Too many items selected for one zip: select their folder instead.');
  }
  const name = (base.replace(/\/$/, '').split('/').pop() || bucket) + '.zip';
  startDownload(url, name);
  toast(`Downloading ${name}: your browser's downloads show its progress.`, 'success');
}
