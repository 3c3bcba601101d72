import { api, enc } from '../api.js';
import { confirmAction, openDialog } from '../dialog.js';
import { field, h } from '../dom.js';
import { dateTime } from '../format.js';
import { showError, toast } from '../notify.js';
import { filterBox, sortableTable } from '../table.js';

/**
 * The named keys of the built-in key store (SSE-KMS): list, create, disable and enable. A key's
 * name is the key ID clients send in x-amz-server-side-encryption-aws-kms-key-id. Keys are never
 * deleted: objects sealed by one could no longer be read.
 */
export async function render(main) {
  const table = sortableTable({
    label: 'KMS keys',
    empty: 'No KMS keys yet. SSE-KMS without a key ID uses a default key, created on first use.',
    filter: (k) => k.name,
    rowId: (k) => k.name,
    columns: [
      { label: 'Name (key ID)', value: (k) => k.name, cell: (k) => h('code', {}, k.name) },
      { label: 'Status', value: (k) => (k.enabled ? 0 : 1), cell: (k) => h('span', { class: `badge ${k.enabled ? 'ok' : 'off'}` }, k.enabled ? 'Enabled' : 'Disabled') },
      { label: 'Created', value: (k) => k.created_at ?? '', cell: (k) => dateTime(k.created_at) },
      { label: 'Actions', sortable: false, cell: (k) => h('div', { class: 'actions' },
        h('button', {
          type: 'button', class: `small ${k.enabled ? 'danger' : 'secondary'}`,
          'aria-label': `${k.enabled ? 'Disable' : 'Enable'} key ${k.name}`,
          onclick: () => (k.enabled ? disable(k, reload) : setEnabled(k, true, reload).catch(showError)),
        }, k.enabled ? 'Disable' : 'Enable')) },
    ],
  });

  async function reload() {
    table.setRows((await api('GET', '/kms/keys')).keys);
  }

  main.append(
    h('div', { class: 'page-head' }, h('h1', {}, 'KMS keys'),
      h('div', { class: 'toolbar' }, filterBox(table, 'Filter keys'),
        h('button', { type: 'button', class: 'primary', id: 'create-kms-key', onclick: () => create(reload) }, 'Create key'))),
    h('p', { class: 'hint' },
      'Keys for SSE-KMS (x-amz-server-side-encryption: aws:kms). Clients name a key by its name or as arn:aws:kms:<region>:<account>:key/<name>. ',
      'Each key\'s material is kept sealed by the master key and never shown. A disabled key neither encrypts nor decrypts: objects sealed by it cannot be read until it is enabled again.'),
    table.element);
  await reload();
}

function create(reload) {
  const name = h('input', { id: 'kms-key-name', autocomplete: 'off', spellcheck: 'false', maxlength: 256 });
  openDialog({
    title: 'Create KMS key',
    content: [field('Name', name, 'The key ID clients send, e.g. reports-key.')],
    actions: [{
      label: 'Create', kind: 'primary', run: async () => {
        const value = name.value.trim();
        if (!value) throw new Error('Enter a name.');
        await api('POST', '/kms/keys', { name: value });
        toast(`KMS key ${value} created.`, 'success');
        await reload();
      },
    }],
  });
  name.focus();
}

function disable(k, reload) {
  confirmAction({
    title: 'Disable KMS key',
    message: `Disable the key "${k.name}"? Writes that ask for it are refused, and objects encrypted with it cannot be read until it is enabled again.`,
    confirmLabel: 'Disable key',
    run: () => setEnabled(k, false, reload),
  });
}

async function setEnabled(k, enabled, reload) {
  await api('PUT', `/kms/keys/${enc(k.name)}`, { enabled });
  toast(`KMS key ${k.name} ${enabled ? 'enabled' : 'disabled'}.`, 'success');
  await reload();
}
