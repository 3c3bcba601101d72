import { api, enc } from '../api.js';
import { confirmAction, openDialog } from '../dialog.js';
import { copyText, field, h } from '../dom.js';
import { dateTime } from '../format.js';
import { showError, toast } from '../notify.js';
import { filterBox, sortableTable } from '../table.js';
import { accessCell, createServiceAccount, editAccess } from './credential-access.js';

const path = (c) => `/credentials/${enc(String(c.id))}`;

/** S3 credentials: list, create (secret shown once), rename, (de)activate, delete. */
export async function render(main) {
  let all = [];
  const table = sortableTable({
    label: 'Credentials',
    empty: 'No credentials.',
    filter: (c) => `${c.user_name ?? ''} ${c.access_key}`,
    rowId: (c) => c.access_key,
    columns: [
      { label: 'User', value: (c) => c.user_name ?? '', cell: (c) => c.user_name ?? '' },
      { label: 'Access key', value: (c) => c.access_key, cell: (c) => h('code', {}, c.access_key) },
      { label: 'Status', value: (c) => (c.is_active ? 0 : 1), cell: (c) => h('span', { class: `badge ${c.is_active ? 'ok' : 'off'}` }, c.is_active ? 'Active' : 'Inactive') },
      { label: 'Access', sortable: false, cell: (c) => accessCell(c, all) },
      { label: 'Created', value: (c) => c.created_at, cell: (c) => dateTime(c.created_at) },
      { label: 'Actions', sortable: false, cell: (c) => h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'small secondary', 'aria-label': `Policies and groups of ${c.access_key}`, onclick: () => editAccess(c, reload).catch(showError) }, c.parent_id ? 'Details' : 'Access'),
        h('button', { type: 'button', class: 'small secondary', 'aria-label': `Rename ${c.access_key}`, onclick: () => rename(c, reload) }, 'Rename'),
        h('button', { type: 'button', class: 'small secondary', 'aria-label': `${c.is_active ? 'Deactivate' : 'Activate'} ${c.access_key}`, onclick: () => setActive(c, !c.is_active, reload) }, c.is_active ? 'Deactivate' : 'Activate'),
        h('button', { type: 'button', class: 'small danger', 'aria-label': `Delete ${c.access_key}`, onclick: () => remove(c, reload) }, 'Delete')) },
    ],
  });

  async function reload() {
    all = (await api('GET', '/credentials')).credentials;
    table.setRows(all);
  }

  main.append(
    h('div', { class: 'page-head' }, h('h1', {}, 'Credentials'),
      h('div', { class: 'toolbar' }, filterBox(table, 'Filter credentials'),
        h('button', { type: 'button', id: 'create-service-account', onclick: () => createServiceAccount(all, reload, showSecret) }, 'Create service account'),
        h('button', { type: 'button', class: 'primary', id: 'create-credential', onclick: () => create(reload) }, 'Create credential'))),
    table.element);
  await reload();
}

function create(reload) {
  const user = h('input', { id: 'credential-user', autocomplete: 'off' });
  const access = h('input', { id: 'credential-access', autocomplete: 'off', spellcheck: 'false' });
  const secret = h('input', { id: 'credential-secret', type: 'password', autocomplete: 'new-password' });
  openDialog({
    title: 'Create credential',
    content: [field('User name', user),
      field('Access key (optional)', access, 'Leave empty to generate 20 random characters.'),
      field('Secret key (optional)', secret, 'Leave empty to generate 40 random characters.')],
    actions: [{
      label: 'Create', kind: 'primary', run: async () => {
        const body = {};
        if (user.value.trim()) body.user_name = user.value.trim();
        if (access.value) body.access_key = access.value;
        if (secret.value) body.secret_key = secret.value;
        const made = await api('POST', '/credentials', body);
        await reload();
        setTimeout(() => showSecret(made));
      },
    }],
  });
  user.focus();
}

/** The only time the secret key is visible: say so, and offer to copy both keys. */
function showSecret(made) {
  const row = (id, label, value) => {
    const input = h('input', { id, readonly: true, value });
    const copy = h('button', { type: 'button', 'aria-label': `Copy ${label}` }, 'Copy');
    copy.addEventListener('click', () => copyText(value, input).then(() => toast(`${label} copied.`, 'success'), showError));
    return h('div', { class: 'field' }, h('label', { for: id }, label), h('div', { class: 'copy-row' }, input, copy));
  };
  openDialog({
    title: 'Credential created',
    closeLabel: 'I have saved the secret key',
    content: [
      h('p', { class: 'warning', role: 'alert' }, 'Copy the secret key now. It is shown only this once: Coffer cannot show it again.'),
      row('new-access-key', 'Access key', made.access_key),
      row('new-secret-key', 'Secret key', made.secret_key),
    ],
  });
}

function rename(c, reload) {
  const name = h('input', { id: 'rename-user', value: c.user_name ?? '', autocomplete: 'off' });
  openDialog({
    title: `Rename ${c.access_key}`,
    content: field('User name', name),
    actions: [{
      label: 'Save', kind: 'primary', run: async () => {
        await api('PUT', path(c), { user_name: name.value.trim() });
        toast('Credential renamed.', 'success');
        await reload();
      },
    }],
  });
  name.select();
}

async function setActive(c, active, reload) {
  try {
    await api('PUT', path(c), { is_active: active });
    toast(`${c.access_key} ${active ? 'activated' : 'deactivated'}.`, 'success');
    await reload();
  } catch (e) {
    showError(e);
  }
}

function remove(c, reload) {
  confirmAction({
    title: 'Delete credential',
    message: `Delete the credential ${c.access_key} (${c.user_name ?? 'no name'})? Clients using it stop working, and its presigned URLs stop working too. A credential that owns buckets cannot be deleted.`,
    confirmLabel: 'Delete credential',
    run: async () => {
      await api('DELETE', path(c));
      toast(`Credential ${c.access_key} deleted.`, 'success');
      await reload();
    },
  });
}
