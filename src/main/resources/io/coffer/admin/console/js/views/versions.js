import { api, enc, objectPath } from '../api.js';
import { confirmAction, openDialog } from '../dialog.js';
import { field, h, replace } from '../dom.js';
import { bytes, dateTime } from '../format.js';
import { showError, toast } from '../notify.js';
import { downloadObject } from './object-actions.js';

// Versions of a key, and what can be done with each: download, restore, lock, delete.

const PAGE = 100;

/** A bucket's versioning and lock settings, as the bucket detail answers them. */
export async function bucketSettings(bucket) {
  const b = await api('GET', `/buckets/${enc(bucket)}?limit=1`);
  return { versioning: b.versioning ?? null, objectLock: Boolean(b.object_lock) };
}

const badge = (kind, text) => h('span', { class: `badge ${kind}` }, text);

/** Latest, delete marker, retention and legal hold of a version, as badges. */
export function versionBadges(v) {
  return h('span', { class: 'badges' },
    v.is_latest ? badge('ok', 'Latest') : null,
    v.is_delete_marker ? badge('muted', 'Delete marker') : null,
    v.retention_mode ? badge('lock', `${v.retention_mode} until ${dateTime(v.retain_until)}`) : null,
    v.legal_hold ? badge('lock', 'Legal hold') : null);
}

/** A version ID short enough for a table cell, whole in its tooltip. */
export function versionLabel(id) {
  return h('code', { class: 'version-id', title: id }, id === 'null' ? 'null' : id.slice(0, 12) + '…');
}

function button(text, label, onclick, kind = 'secondary') {
  return h('button', { type: 'button', class: `small ${kind}`, 'aria-label': label, onclick }, text);
}

/**
 * The buttons of one version: download and restore (not for a delete marker, restore not for the
 * latest), legal hold and retention in a bucket with object lock, and delete.
 */
export function versionButtons(bucket, v, { objectLock, after }) {
  const what = `${v.key} version ${v.version_id}`;
  const buttons = [];
  if (!v.is_delete_marker) {
    buttons.push(button('Download', `Download ${what}`, () => downloadObject(bucket, v.key, v.version_id)));
    if (!v.is_latest) buttons.push(button('Restore', `Restore ${what}`, () => restoreVersion(bucket, v, after)));
    if (objectLock) {
      buttons.push(v.legal_hold
        ? button('Remove legal hold', `Remove the legal hold on ${what}`, () => setLegalHold(bucket, v, false, after))
        : button('Set legal hold', `Set a legal hold on ${what}`, () => setLegalHold(bucket, v, true, after)));
      buttons.push(button('Retention', `Retention of ${what}`, () => editRetention(bucket, v, after)));
    }
  }
  buttons.push(button('Delete', `Delete ${what}`, () => deleteVersion(bucket, v, after), 'danger'));
  return buttons;
}

/** Copies a version over its key: it becomes the latest version again, the others stay. */
async function restoreVersion(bucket, v, after) {
  try {
    await api('POST', `${objectPath(bucket, v.key)}/restore`, { version_id: v.version_id });
    toast(`Restored ${v.key} from version ${v.version_id}.`, 'success');
    await after();
  } catch (e) {
    showError(e);
  }
}

async function setLegalHold(bucket, v, on, after) {
  try {
    await api('POST', `${objectPath(bucket, v.key)}/legal-hold`, { status: on ? 'ON' : 'OFF', version_id: v.version_id });
    toast(`Legal hold ${on ? 'set on' : 'removed from'} ${v.key} (version ${v.version_id}).`, 'success');
    await after();
  } catch (e) {
    showError(e);
  }
}

function editRetention(bucket, v, after) {
  const mode = h('select', { id: 'retention-mode' },
    h('option', { value: '' }, 'None'),
    h('option', { value: 'GOVERNANCE', selected: v.retention_mode === 'GOVERNANCE' }, 'GOVERNANCE: removable with a bypass'),
    h('option', { value: 'COMPLIANCE', selected: v.retention_mode === 'COMPLIANCE' }, 'COMPLIANCE: removable by no one'));
  const until = h('input', { type: 'datetime-local', id: 'retention-until', value: v.retain_until ? localInput(v.retain_until) : '' });
  const bypass = h('input', { type: 'checkbox', id: 'retention-bypass' });
  openDialog({
    title: 'Retention',
    content: [
      h('p', { class: 'hint' }, `${v.key}, version ${v.version_id}. COMPLIANCE retention can only be extended; GOVERNANCE retention can be shortened or removed with the bypass.`),
      field('Mode', mode), field('Retain until (your time zone)', until),
      h('div', { class: 'field check-field' }, h('label', { for: 'retention-bypass' }, bypass, ' Bypass governance retention')),
    ],
    actions: [{
      label: 'Save', kind: 'primary', run: async () => {
        if (mode.value && !until.value) throw new Error('Choose until when the version is retained.');
        const body = mode.value
          ? { mode: mode.value, retain_until: new Date(until.value).toISOString().replace(/\.\d+Z$/, 'Z') }
          : { mode: null, retain_until: null };
        body.version_id = v.version_id;
        if (bypass.checked) body.bypass_governance = true;
        await api('POST', `${objectPath(bucket, v.key)}/retention`, body);
        toast(`Retention of ${v.key} saved.`, 'success');
        await after();
      },
    }],
  });
}

/** An ISO time as a datetime-local input's value, in the reader's time zone. */
function localInput(iso) {
  const d = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function deleteVersion(bucket, v, after) {
  return confirmAction({
    title: v.is_delete_marker ? 'Remove delete marker' : 'Delete version',
    message: v.is_delete_marker
      ? `Remove this delete marker of "${v.key}"? ${v.is_latest ? 'The version before it becomes current again.' : ''}`
      : `Delete version ${v.version_id} of "${v.key}" for good? This cannot be undone.`,
    confirmLabel: v.is_delete_marker ? 'Remove marker' : 'Delete version',
    run: async () => {
      await api('DELETE', `${objectPath(bucket, v.key)}?version_id=${enc(v.version_id)}`);
      toast(`Deleted version ${v.version_id} of ${v.key}.`, 'success');
      await after();
    },
  });
}

/**
 * A key's version history, newest first, a page at a time: a table and the function that loads
 * it again. {@code onChanged} runs after any change (to refresh what shows the key elsewhere).
 */
export function versionHistory(bucket, key, { objectLock, onChanged }) {
  const tbody = h('tbody');
  const more = h('button', { type: 'button', class: 'secondary small', hidden: true }, 'Load more versions');
  const state = { marker: null };
  const after = async () => {
    await reload();
    await onChanged?.();
  };
  async function load(reset) {
    if (reset) state.marker = null;
    const params = new URLSearchParams({ limit: String(PAGE) });
    if (state.marker) params.set('marker', state.marker);
    const page = await api('GET', `${objectPath(bucket, key)}/versions?${params}`);
    const rows = page.versions.map((v) => h('tr', { dataset: { version: v.version_id, marker: v.is_delete_marker ? 'true' : 'false' } },
      h('td', {}, versionLabel(v.version_id)),
      h('td', {}, h('time', { datetime: v.created_at }, dateTime(v.created_at))),
      h('td', { class: 'num' }, v.is_delete_marker ? '—' : bytes(v.size)),
      h('td', {}, versionBadges(v)),
      h('td', { class: 'actions' }, versionButtons(bucket, v, { objectLock, after }))));
    if (reset) replace(tbody, rows);
    else tbody.append(...rows);
    if (reset && rows.length === 0) replace(tbody, h('tr', {}, h('td', { colspan: 5, class: 'empty' }, 'No versions.')));
    state.marker = page.truncated ? page.next_marker : null;
    more.hidden = !page.truncated;
    return page;
  }
  const reload = () => load(true);
  more.addEventListener('click', () => load(false).catch(showError));
  const element = h('div', { class: 'version-history' },
    h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'version-history', 'aria-label': `Versions of ${key}` },
      h('thead', {}, h('tr', {}, ['Version', 'Last modified', 'Size', 'Status', 'Actions'].map((c) => h('th', { scope: 'col' }, c)))),
      tbody)),
    more);
  return { element, reload };
}

/** One row of the object browser with "show versions" on: a version or a delete marker. */
export function versionRow(bucket, v, name, { objectLock, after }) {
  return h('tr', { dataset: { key: v.key, kind: 'version', version: v.version_id } },
    h('td', { class: 'check' }),
    h('td', { class: 'name' }, h('span', { class: v.is_delete_marker ? 'deleted-name' : '' }, name), ' ', versionLabel(v.version_id), ' ', versionBadges(v)),
    h('td', { class: 'num' }, v.is_delete_marker ? '—' : bytes(v.size)),
    h('td', { class: 'wide-only' }, v.is_delete_marker ? 'Delete marker' : ''),
    h('td', { class: 'wide-only' }, h('time', { datetime: v.created_at }, dateTime(v.created_at))),
    h('td', { class: 'actions' }, versionButtons(bucket, v, { objectLock, after })));
}
