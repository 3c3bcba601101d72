import { headers, objectPath, xhrError } from '../api.js';
import { h } from '../dom.js';
import { bytes } from '../format.js';

const PARALLEL = 3;
const waiting = [];
let running = 0;
let panel = null;
let list = null;
const listeners = new Set();

/** Called with (bucket, key) whenever an upload finishes, so that listings can refresh. */
export function onUploaded(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Queues files for upload; each gets a row with a progress bar and a cancel button. The queue is
 * global so that uploads carry on while the user browses elsewhere in the console.
 */
export function upload(bucket, entries) {
  for (const { key, file } of entries) {
    const item = row(bucket, key, file);
    waiting.push(item);
  }
  pump();
}

function ensurePanel() {
  if (panel) return;
  list = h('ul', { class: 'upload-list' });
  const clear = h('button', { type: 'button', class: 'small secondary', id: 'uploads-clear' }, 'Clear finished');
  clear.addEventListener('click', () => list.querySelectorAll('li[data-state]:not([data-state="uploading"]):not([data-state="queued"])').forEach((li) => li.remove()));
  const hide = h('button', { type: 'button', class: 'small secondary' }, 'Hide');
  hide.addEventListener('click', () => panel.classList.toggle('collapsed'));
  panel = h('section', { class: 'upload-panel', id: 'upload-panel', 'aria-label': 'Uploads' },
    h('div', { class: 'upload-head' }, h('h2', {}, 'Uploads'), clear, hide), list);
  document.body.append(panel);
}

function row(bucket, key, file) {
  ensurePanel();
  panel.classList.remove('collapsed');
  const bar = h('progress', { max: file.size || 1, value: 0, 'aria-label': `Upload progress of ${key}` });
  const status = h('span', { class: 'upload-status' }, 'Queued');
  const cancel = h('button', { type: 'button', class: 'small secondary', 'aria-label': `Cancel upload of ${key}` }, 'Cancel');
  const li = h('li', { dataset: { key, state: 'queued' } },
    h('div', { class: 'upload-name' }, h('span', { class: 'upload-key' }, key), h('span', { class: 'hint' }, bytes(file.size))),
    bar, h('div', { class: 'upload-foot' }, status, cancel));
  list.append(li);
  const item = { bucket, key, file, li, bar, status, cancel, xhr: null };
  cancel.addEventListener('click', () => {
    if (item.xhr) item.xhr.abort();
    else finish(item, 'cancelled', 'Cancelled');
  });
  return item;
}

function pump() {
  while (running < PARALLEL && waiting.length) {
    const item = waiting.shift();
    if (item.li.dataset.state !== 'queued') continue;
    running++;
    send(item);
  }
}

function send(item) {
  const xhr = new XMLHttpRequest();
  item.xhr = xhr;
  item.li.dataset.state = 'uploading';
  item.status.textContent = '0%';
  xhr.open('PUT', `/api/v1${objectPath(item.bucket, item.key)}`);
  for (const [name, value] of Object.entries(headers({ 'Content-Type': item.file.type || 'application/octet-stream' }))) {
    xhr.setRequestHeader(name, value);
  }
  xhr.upload.addEventListener('progress', (e) => {
    item.bar.value = e.loaded;
    item.status.textContent = `${Math.floor((100 * e.loaded) / (e.total || 1))}%`;
  });
  xhr.addEventListener('load', () => {
    if (xhr.status >= 200 && xhr.status < 300) {
      item.bar.value = item.bar.max;
      finish(item, 'done', 'Uploaded');
      listeners.forEach((l) => l(item.bucket, item.key));
    } else {
      finish(item, 'failed', `Failed: ${xhrError(xhr).message}`);
    }
  });
  xhr.addEventListener('error', () => finish(item, 'failed', 'Failed: the connection to the server was lost.'));
  xhr.addEventListener('abort', () => finish(item, 'cancelled', 'Cancelled'));
  xhr.send(item.file);
}

function finish(item, state, message) {
  if (item.xhr) running--;
  item.xhr = null;
  item.li.dataset.state = state;
  item.status.textContent = message;
  item.status.setAttribute('role', state === 'failed' ? 'alert' : 'status');
  item.cancel.remove();
  pump();
}

/** Files of a folder picker (webkitdirectory), keyed under `prefix` by their relative path. */
export function fromPicker(files, prefix) {
  return [...files].map((file) => ({ key: prefix + (file.webkitRelativePath || file.name), file }));
}

/** Files and whole folders dropped on the page, walked recursively. */
export async function fromDrop(dataTransfer, prefix) {
  const entries = [...dataTransfer.items].map((i) => i.webkitGetAsEntry?.()).filter(Boolean);
  if (entries.length === 0) return fromPicker(dataTransfer.files, prefix);
  const out = [];
  for (const entry of entries) await walk(entry, prefix, out);
  return out;
}

async function walk(entry, prefix, out) {
  if (entry.isFile) {
    const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
    out.push({ key: prefix + entry.fullPath.replace(/^\//, ''), file });
    return;
  }
  const reader = entry.createReader();
  for (;;) {
    // readEntries answers in batches; an empty batch means the folder is done.
    const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    for (const child of batch) await walk(child, prefix, out);
  }
}
