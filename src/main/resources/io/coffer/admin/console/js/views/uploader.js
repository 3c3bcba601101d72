import { api, enc, headers, objectPath, xhrError } from '../api.js';
import { h, replace } from '../dom.js';
import { bytes } from '../format.js';
import { isMultipart, sendMultipart } from './multipart-upload.js';
import { forgetUpload, isSameFile, pendingUploads, rememberUpload } from './pending-uploads.js';

/** Files sent at once; a large one sends several parts at once itself (multipart-upload.js). */
const PARALLEL = 3;
const waiting = [];
let running = 0;
let panel = null;
let list = null;
const listeners = new Set();
/** Upload IDs with a row in the panel: being sent from this page, or offered for resuming. */
const shown = new Set();

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
    const item = row(bucket, key, file.size);
    item.file = file;
    queue(item);
  }
}

/**
 * Offers to resume each multipart upload a page reload (or a closed tab) interrupted: the user
 * picks the same file again and only the parts the server does not have are sent. Called once
 * signed in; the server is not asked anything until the user chooses.
 */
export function offerResumes() {
  for (const record of pendingUploads()) {
    if (shown.has(record.uploadId)) continue;
    const item = row(record.bucket, record.key, record.size);
    remembered(item, record.uploadId, record.partSize);
    item.record = record;
    item.li.dataset.state = 'interrupted';
    item.status.textContent = `Interrupted. Choose ${record.name} again to resume.`;
    resumeControls(item);
  }
}

function ensurePanel() {
  if (panel) return;
  list = h('ul', { class: 'upload-list' });
  const clear = h('button', { type: 'button', class: 'small secondary', id: 'uploads-clear' }, 'Clear finished');
  clear.addEventListener('click', () => list.querySelectorAll('li[data-state]:not([data-state="uploading"]):not([data-state="queued"]):not([data-state="interrupted"]):not([data-resumable])').forEach((li) => li.remove()));
  const hide = h('button', { type: 'button', class: 'small secondary' }, 'Hide');
  hide.addEventListener('click', () => panel.classList.toggle('collapsed'));
  panel = h('section', { class: 'upload-panel', id: 'upload-panel', 'aria-label': 'Uploads' },
    h('div', { class: 'upload-head' }, h('h2', {}, 'Uploads'), clear, hide), list);
  document.body.append(panel);
}

function row(bucket, key, size) {
  ensurePanel();
  panel.classList.remove('collapsed');
  const bar = h('progress', { max: size || 1, value: 0, 'aria-label': `Upload progress of ${key}` });
  const status = h('span', { class: 'upload-status' }, 'Queued');
  const actions = h('span', { class: 'upload-actions' });
  const li = h('li', { dataset: { key, state: 'queued' } },
    h('div', { class: 'upload-name' }, h('span', { class: 'upload-key' }, key), h('span', { class: 'hint' }, bytes(size))),
    bar, h('div', { class: 'upload-foot' }, status, actions));
  list.append(li);
  return { bucket, key, file: null, li, bar, status, actions, stop: null, active: false, uploadId: null, partSize: null };
}

function queue(item) {
  item.li.dataset.state = 'queued';
  delete item.li.dataset.resumable;
  item.status.textContent = 'Queued';
  item.status.removeAttribute('role');
  const cancel = h('button', { type: 'button', class: 'small secondary', 'aria-label': `Cancel upload of ${item.key}` }, 'Cancel');
  cancel.addEventListener('click', () => {
    if (item.active) item.stop();
    else if (item.uploadId) discard(item, 'Cancelled');
    else finish(item, 'cancelled', 'Cancelled');
  });
  replace(item.actions, cancel);
  waiting.push(item);
  pump();
}

function pump() {
  while (running < PARALLEL && waiting.length) {
    const item = waiting.shift();
    if (item.li.dataset.state !== 'queued') continue;
    running++;
    item.active = true;
    item.li.dataset.state = 'uploading';
    item.status.textContent = '0%';
    if (isMultipart(item.file)) sendParts(item);
    else sendWhole(item);
  }
}

function progress(item, loaded) {
  item.bar.value = loaded;
  item.status.textContent = `${Math.floor((100 * loaded) / (item.file.size || 1))}%`;
}

function uploaded(item) {
  item.bar.value = item.bar.max;
  finish(item, 'done', 'Uploaded');
  listeners.forEach((l) => l(item.bucket, item.key));
}

/** A file of up to one part: one PUT of the whole body. */
function sendWhole(item) {
  const xhr = new XMLHttpRequest();
  item.stop = () => xhr.abort();
  xhr.open('PUT', `/api/v1${objectPath(item.bucket, item.key)}`);
  for (const [name, value] of Object.entries(headers({ 'Content-Type': item.file.type || 'application/octet-stream' }))) {
    xhr.setRequestHeader(name, value);
  }
  xhr.upload.addEventListener('progress', (e) => progress(item, e.loaded));
  xhr.addEventListener('load', () => {
    if (xhr.status >= 200 && xhr.status < 300) uploaded(item);
    else finish(item, 'failed', `Failed: ${xhrError(xhr).message}`);
  });
  xhr.addEventListener('error', () => finish(item, 'failed', 'Failed: the connection to the server was lost.'));
  xhr.addEventListener('abort', () => finish(item, 'cancelled', 'Cancelled'));
  xhr.send(item.file);
}

/** A larger file: a multipart upload, remembered until it ends so that a reload can resume it. */
function sendParts(item) {
  const { bucket, key, file } = item;
  const job = sendMultipart({
    bucket, key, file, uploadId: item.uploadId, partSize: item.partSize,
    onStarted: ({ uploadId, partSize }) => {
      remembered(item, uploadId, partSize);
      rememberUpload({ uploadId, bucket, key, name: file.name, size: file.size,
        lastModified: file.lastModified, partSize, startedAt: new Date().toISOString() });
    },
    onProgress: (loaded) => progress(item, loaded),
  });
  item.stop = () => job.cancel();
  job.done.then(() => {
    forgetUpload(item.uploadId);
    uploaded(item);
  }, (e) => {
    if (e.cancelled) {
      if (!e.kept) forgetUpload(item.uploadId);
      finish(item, 'cancelled', e.kept ? e.message : 'Cancelled');
      if (e.kept) resumeControls(item);
    } else if (e.code === 'no_such_upload') {
      forgetUpload(item.uploadId);
      finish(item, 'failed', 'Failed: the upload no longer exists on the server (it was aborted or completed elsewhere).');
    } else {
      finish(item, 'failed', `Failed: ${e.message}`);
      if (item.uploadId) resumeControls(item);
    }
  });
}

function remembered(item, uploadId, partSize) {
  item.uploadId = uploadId;
  item.partSize = partSize;
  item.li.dataset.uploadId = uploadId;
  shown.add(uploadId);
}

function finish(item, state, message) {
  if (item.active) running--;
  item.active = false;
  item.stop = null;
  item.li.dataset.state = state;
  item.status.textContent = message;
  item.status.setAttribute('role', state === 'failed' ? 'alert' : 'status');
  item.actions.replaceChildren();
  pump();
}

/**
 * Resume and Discard for an upload that stopped part-way. Resuming takes the same file: the one
 * still held by this page after a failure, or one the user picks again after a reload.
 */
function resumeControls(item) {
  item.li.dataset.resumable = 'true';
  const picker = h('input', { type: 'file', class: 'resume-picker', hidden: true, 'aria-label': `File to resume ${item.key}` });
  const resume = h('button', { type: 'button', class: 'small primary', 'aria-label': `Resume upload of ${item.key}` }, 'Resume');
  const drop = h('button', { type: 'button', class: 'small secondary', 'aria-label': `Discard upload of ${item.key}` }, 'Discard');
  resume.addEventListener('click', () => (item.file ? queue(item) : picker.click()));
  picker.addEventListener('change', () => {
    const file = picker.files[0];
    if (!file) return;
    if (!isSameFile(item.record, file)) {
      item.status.textContent = `That is not ${item.record.name} as it was: its name, size and date must be the same.`;
      item.status.setAttribute('role', 'alert');
      return;
    }
    item.file = file;
    queue(item);
  });
  drop.addEventListener('click', () => discard(item, 'Discarded'));
  replace(item.actions, picker, resume, drop);
}

/** Aborts the upload on the server (its parts are deleted) and forgets it. */
async function discard(item, message) {
  try {
    await api('DELETE', `/buckets/${enc(item.bucket)}/multipart-uploads/${enc(item.uploadId)}`);
  } catch (e) {
    if (e.code !== 'no_such_upload') {
      item.status.textContent = `Could not abort the upload: ${e.message}`;
      item.status.setAttribute('role', 'alert');
      return;
    }
  }
  forgetUpload(item.uploadId);
  delete item.li.dataset.resumable;
  finish(item, 'cancelled', message);
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
