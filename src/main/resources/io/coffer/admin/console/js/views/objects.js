import { api, enc, objectPath } from '../api.js';
import { h, replace } from '../dom.js';
import { baseName, bytes, count, dateTime } from '../format.js';
import { showError } from '../notify.js';
import { deleteObjects, downloadObject, showDetails } from './object-actions.js';
import { shareObject } from './share.js';
import { createFolder, downloadZip, moveOrCopy } from './folder-actions.js';
import { previewKind, previewObject } from './preview.js';
import { shareUploadForm } from './upload-link.js';
import { fromDrop, fromPicker, onUploaded, upload } from './uploader.js';
import { versioningBadges, versioningButton } from './buckets.js';
import { versionRow } from './versions.js';
import { session } from '../session.js';

// One page of a folder at a time: a bucket of millions of keys is never listed at once.
const PAGE = 200;

const folderHref = (bucket, prefix) => `#/buckets/${enc(bucket)}${prefix ? `?prefix=${enc(prefix)}` : ''}`;

/** The object browser: one folder of one bucket, with upload, download, share and delete. */
export async function render(main, [bucket], query) {
  const prefix = query.get('prefix') ?? '';
  const state = { search: '', marker: null, keyMarker: null, versionIdMarker: null, truncated: false, shown: 0, versions: query.get('versions') === '1' };
  const info = await api('GET', `/buckets/${enc(bucket)}?limit=1`);
  const settings = { versioning: info.versioning ?? null, objectLock: Boolean(info.object_lock) };
  const showVersions = h('input', { type: 'checkbox', id: 'show-versions', checked: state.versions });
  const versioningBox = h('span', { class: 'toolbar', id: 'bucket-versioning' });
  function renderVersioning(b) {
    replace(versioningBox, h('span', { class: 'hint' }, 'Versioning'), versioningBadges(b),
      session.isAdmin() && versioningButton(b, async () => {
        const fresh = await api('GET', `/buckets/${enc(bucket)}?limit=1`);
        settings.versioning = fresh.versioning ?? null;
        renderVersioning(fresh);
      }));
  }
  renderVersioning(info);
  const selected = new Set();
  const selectedFolders = new Set();
  const tbody = h('tbody', { id: 'object-rows' });
  const summary = h('p', { class: 'hint', id: 'listing-summary', 'aria-live': 'polite' });
  const more = h('button', { type: 'button', id: 'load-more', class: 'secondary', hidden: true }, 'Load more');
  const selectAll = h('input', { type: 'checkbox', 'aria-label': 'Select all objects shown' });
  const deleteSelected = h('button', { type: 'button', id: 'delete-selected', class: 'danger', disabled: true }, 'Delete selected');
  const downloadSelected = h('button', { type: 'button', id: 'download-selected', class: 'secondary', disabled: true }, 'Download selected');
  const moveSelected = h('button', { type: 'button', id: 'move-selected', class: 'secondary', disabled: true }, 'Move selected');
  const copySelected = h('button', { type: 'button', id: 'copy-selected', class: 'secondary', disabled: true }, 'Copy selected');
  const search = h('input', { type: 'search', id: 'prefix-search', placeholder: 'Search by prefix in this folder', 'aria-label': 'Search by prefix in this folder' });
  const filePicker = h('input', { type: 'file', id: 'file-picker', multiple: true, hidden: true });
  const folderPicker = h('input', { type: 'file', id: 'folder-picker', multiple: true, webkitdirectory: true, hidden: true });

  function updateSelection() {
    const n = selected.size + selectedFolders.size;
    deleteSelected.disabled = n === 0;
    deleteSelected.textContent = n ? `Delete selected (${n})` : 'Delete selected';
    for (const b of [downloadSelected, moveSelected, copySelected]) b.disabled = n === 0;
  }

  async function load(reset) {
    if (state.versions) return loadVersions(reset);
    if (reset) {
      state.marker = null;
      state.shown = 0;
      selected.clear();
      selectedFolders.clear();
      selectAll.checked = false;
      updateSelection();
    }
    const params = new URLSearchParams({ delimiter: '/', limit: String(PAGE), prefix: prefix + state.search });
    if (state.marker) params.set('marker', state.marker);
    const page = await api('GET', `/buckets/${enc(bucket)}/objects?${params}`);
    // A key that ends in '/' and names this very folder (a folder marker, as `aws s3api
    // put-object --key photos/` or other consoles' "create folder" make) is the folder itself, as
    // in AWS's console: it is shown, and deleted, as the folder row one level up, not as a nameless
    // object in here.
    const objects = page.objects.filter((o) => !(prefix && o.key === prefix));
    const rows = [
      ...(page.prefixes ?? []).map((p) => folderRow(p)),
      ...objects.map((o) => objectRow(o)),
    ];
    if (reset) replace(tbody, rows);
    else tbody.append(...rows);
    state.shown += rows.length;
    state.marker = page.next_marker;
    state.truncated = page.truncated;
    more.hidden = !page.truncated;
    if (state.shown === 0) {
      replace(tbody, h('tr', {}, h('td', { colspan: 6, class: 'empty' },
        state.search ? 'No key in this folder begins with that.' : 'This folder is empty. Drop files here or use Upload.')));
    }
    summary.textContent = `${count(state.shown)} ${state.shown === 1 ? 'entry' : 'entries'} shown${page.truncated ? '; more to load' : ''}.`;
  }

  /** "Show versions" on: every version and delete marker of the folder, newest first per key. */
  async function loadVersions(reset) {
    if (reset) {
      state.keyMarker = null;
      state.versionIdMarker = null;
      state.shown = 0;
      selected.clear();
      selectedFolders.clear();
      selectAll.checked = false;
      updateSelection();
    }
    const params = new URLSearchParams({ delimiter: '/', limit: String(PAGE), prefix: prefix + state.search });
    if (state.keyMarker) params.set('key_marker', state.keyMarker);
    if (state.versionIdMarker) params.set('version_id_marker', state.versionIdMarker);
    const page = await api('GET', `/buckets/${enc(bucket)}/versions?${params}`);
    const after = () => load(true);
    const rows = [
      ...(page.prefixes ?? []).map((p) => folderRow(p)),
      ...page.versions.filter((v) => !(prefix && v.key === prefix))
        .map((v) => versionRow(bucket, v, baseName(v.key, prefix), { objectLock: settings.objectLock, after })),
    ];
    if (reset) replace(tbody, rows);
    else tbody.append(...rows);
    state.shown += rows.length;
    state.keyMarker = page.next_key_marker ?? null;
    state.versionIdMarker = page.next_version_id_marker ?? null;
    more.hidden = !page.truncated;
    if (state.shown === 0) {
      replace(tbody, h('tr', {}, h('td', { colspan: 6, class: 'empty' },
        state.search ? 'No key in this folder begins with that.' : 'This folder is empty. Drop files here or use Upload.')));
    }
    summary.textContent = `${count(state.shown)} ${state.shown === 1 ? 'entry' : 'entries'} shown, every version${page.truncated ? '; more to load' : ''}.`;
  }

  function objectRow(o) {
    const box = h('input', { type: 'checkbox', 'aria-label': `Select ${o.key}` });
    box.addEventListener('change', () => {
      if (box.checked) selected.add(o.key);
      else selected.delete(o.key);
      updateSelection();
    });
    const reload = () => load(true);
    const share = () => shareObject(bucket, o.key).catch(showError);
    const details = () => showDetails(bucket, o.key, { onShare: share, onDeleted: reload, settings, base: prefix }).catch(showError);
    const preview = async () => previewObject(bucket, await api('GET', objectPath(bucket, o.key)));
    return h('tr', { dataset: { key: o.key, kind: 'object' } },
      h('td', { class: 'check' }, box),
      h('td', { class: 'name' }, h('button', { type: 'button', class: 'link-button object-name', onclick: details }, baseName(o.key, prefix))),
      h('td', { class: 'num' }, bytes(o.size)),
      h('td', { class: 'wide-only' }, o.content_type),
      h('td', { class: 'wide-only' }, h('time', { datetime: o.created_at }, dateTime(o.created_at))),
      h('td', { class: 'actions' },
        previewKind(o.content_type, o.key)
          ? h('button', { type: 'button', class: 'small secondary', 'aria-label': `Preview ${o.key}`, onclick: () => preview().catch(showError) }, 'Preview')
          : null,
        h('button', { type: 'button', class: 'small secondary', 'aria-label': `Download ${o.key}`, onclick: () => downloadObject(bucket, o.key) }, 'Download'),
        h('button', { type: 'button', class: 'small secondary', 'aria-label': `Share ${o.key}`, onclick: share }, 'Share'),
        h('button', { type: 'button', class: 'small danger', 'aria-label': `Delete ${o.key}`, onclick: () => deleteObjects(bucket, [o.key], reload) }, 'Delete')));
  }

  function folderRow(folder) {
    const box = h('input', { type: 'checkbox', 'aria-label': `Select folder ${folder}` });
    box.addEventListener('change', () => {
      if (box.checked) selectedFolders.add(folder);
      else selectedFolders.delete(folder);
      updateSelection();
    });
    return h('tr', { dataset: { key: folder, kind: 'folder' } },
      h('td', { class: 'check' }, box),
      h('td', { class: 'name' }, h('a', { class: 'folder', href: folderHref(bucket, folder) }, baseName(folder, prefix))),
      h('td', { class: 'num' }, '—'), h('td', { class: 'wide-only' }, 'Folder'), h('td', { class: 'wide-only' }),
      h('td', { class: 'actions' },
        h('button', { type: 'button', class: 'small secondary', 'aria-label': `Download folder ${folder} as a zip`,
          onclick: () => { try { downloadZip(bucket, folder, [], [folder]); } catch (e) { showError(e); } } }, 'Download'),
        h('button', { type: 'button', class: 'small secondary', 'aria-label': `Rename or move folder ${folder}`,
          onclick: () => moveOrCopy(bucket, prefix, { keys: [], folders: [folder] }, 'move', () => load(true)).catch(showError) }, 'Move'),
        h('button', { type: 'button', class: 'small secondary', 'aria-label': `Copy folder ${folder}`,
          onclick: () => moveOrCopy(bucket, prefix, { keys: [], folders: [folder] }, 'copy', () => load(true)).catch(showError) }, 'Copy'),
        h('button', { type: 'button', class: 'small danger', 'aria-label': `Delete folder ${folder}`,
          onclick: () => deleteObjects(bucket, [], () => load(true), [folder]) }, 'Delete')));
  }

  const enqueue = (entries) => {
    if (entries.length) upload(bucket, entries);
  };
  filePicker.addEventListener('change', () => {
    enqueue(fromPicker(filePicker.files, prefix));
    filePicker.value = '';
  });
  folderPicker.addEventListener('change', () => {
    enqueue(fromPicker(folderPicker.files, prefix));
    folderPicker.value = '';
  });
  more.addEventListener('click', () => load(false).catch(showError));
  showVersions.addEventListener('change', () => {
    state.versions = showVersions.checked;
    load(true).catch(showError);
  });
  selectAll.addEventListener('change', () => {
    tbody.querySelectorAll('tr[data-kind] input[type="checkbox"]').forEach((box) => {
      box.checked = selectAll.checked;
      box.dispatchEvent(new Event('change'));
    });
  });
  deleteSelected.addEventListener('click', () => deleteObjects(bucket, [...selected], () => load(true), [...selectedFolders]));
  downloadSelected.addEventListener('click', () => {
    try {
      downloadZip(bucket, prefix, [...selected], [...selectedFolders]);
    } catch (e) {
      showError(e);
    }
  });
  const transfer = (mode) => moveOrCopy(bucket, prefix, { keys: [...selected], folders: [...selectedFolders] }, mode, () => load(true)).catch(showError);
  moveSelected.addEventListener('click', () => transfer('move'));
  copySelected.addEventListener('click', () => transfer('copy'));
  let debounce = null;
  search.addEventListener('input', () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => {
      state.search = search.value;
      load(true).catch(showError);
    }, 250);
  });

  const dropZone = h('section', { class: 'drop-zone', id: 'drop-zone', 'aria-label': `Objects in ${prefix || bucket}` },
    h('div', { class: 'table-wrap' }, h('table', { class: 'data objects' },
      h('thead', {}, h('tr', {}, h('th', { class: 'check' }, selectAll), h('th', { scope: 'col' }, 'Name'),
        h('th', { scope: 'col', class: 'num' }, 'Size'), h('th', { scope: 'col', class: 'wide-only' }, 'Type'),
        h('th', { scope: 'col', class: 'wide-only' }, 'Last modified'), h('th', { scope: 'col' }, 'Actions'))),
      tbody)),
    h('div', { class: 'listing-foot' }, summary, more),
    h('p', { class: 'drop-hint' }, 'Drop files or folders here to upload them into this folder.'));
  dropZone.addEventListener('dragover', (e) => {
    e.preventDefault();
    dropZone.classList.add('dragging');
  });
  dropZone.addEventListener('dragleave', () => dropZone.classList.remove('dragging'));
  dropZone.addEventListener('drop', (e) => {
    e.preventDefault();
    dropZone.classList.remove('dragging');
    fromDrop(e.dataTransfer, prefix).then(enqueue, showError);
  });

  main.append(
    h('div', { class: 'page-head' }, h('h1', {}, bucket), versioningBox, breadcrumbs(bucket, prefix)),
    h('div', { class: 'toolbar' }, search,
      h('button', { type: 'button', id: 'upload-files', class: 'primary', onclick: () => filePicker.click() }, 'Upload files'),
      h('button', { type: 'button', id: 'upload-folder', onclick: () => folderPicker.click() }, 'Upload folder'),
      h('button', { type: 'button', id: 'upload-link', class: 'secondary', onclick: () => shareUploadForm(bucket, prefix).catch(showError) }, 'Upload page'),
      h('button', { type: 'button', id: 'new-folder', class: 'secondary', onclick: () => createFolder(bucket, prefix, () => load(true)) }, 'New folder'),
      downloadSelected, moveSelected, copySelected,
      deleteSelected,
      h('button', { type: 'button', class: 'secondary', onclick: () => load(true).catch(showError) }, 'Refresh'),
      // the bucket's configuration pages are the administrator's (sessions, issue 21)
      ...(session.isAdmin() ? [
        h('a', { class: 'button secondary', href: `#/uploads?bucket=${enc(bucket)}` }, 'Multipart uploads'),
        h('a', { class: 'button secondary', id: 'bucket-access-link', href: `#/buckets/${enc(bucket)}/access` }, 'Access'),
        h('a', { class: 'button secondary', id: 'bucket-settings-link', href: `#/buckets/${enc(bucket)}/settings` }, 'Settings'),
      ] : []),
      h('label', { class: 'switch', for: 'show-versions' }, showVersions, ' Show versions'),
      filePicker, folderPicker),
    dropZone);

  // Refresh once a burst of finished uploads into this bucket settles.
  let refresh = null;
  const stop = onUploaded((b) => {
    if (b !== bucket) return;
    clearTimeout(refresh);
    refresh = setTimeout(() => load(true).catch(showError), 300);
  });
  await load(true);
  return () => {
    stop();
    clearTimeout(refresh);
  };
}

function breadcrumbs(bucket, prefix) {
  const parts = prefix.split('/').filter((p, i, all) => p !== '' || i < all.length - 1);
  const crumbs = [h('li', {}, h('a', { href: '#/buckets' }, 'Buckets')), h('li', {}, h('a', { href: folderHref(bucket, '') }, bucket))];
  let path = '';
  for (const part of parts) {
    path += `${part}/`;
    crumbs.push(h('li', {}, h('a', { href: folderHref(bucket, path) }, part || '(empty)')));
  }
  crumbs.at(-1).firstChild.setAttribute('aria-current', 'page');
  return h('nav', { class: 'breadcrumbs', 'aria-label': 'Breadcrumb', id: 'breadcrumbs' }, h('ol', {}, crumbs));
}
