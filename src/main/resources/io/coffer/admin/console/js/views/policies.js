import { api, enc } from '../api.js';
import { confirmAction, openDialog } from '../dialog.js';
import { field, h } from '../dom.js';
import { dateTime } from '../format.js';
import { toast } from '../notify.js';
import { filterBox, sortableTable } from '../table.js';
import { policyEditor, pretty } from './policy-editor.js';

const EXAMPLE = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::my-bucket', 'arn:aws:s3:::my-bucket/*'] }],
};

/** Who a policy is attached to, by user name where the credential is known. */
function attachments(p, names) {
  const credentials = p.attached_to.credentials.map((id) => names.get(id) ?? `credential ${id}`);
  const groups = p.attached_to.groups.map((g) => `group ${g}`);
  const all = [...credentials, ...groups];
  return all.length ? all.join(', ') : h('span', { class: 'hint' }, 'Nothing');
}

/** Identity policies: list, create and edit with a validating JSON editor, delete. */
export async function render(main) {
  let names = new Map();
  const table = sortableTable({
    label: 'Policies',
    empty: 'No policies.',
    filter: (p) => p.name,
    rowId: (p) => p.name,
    columns: [
      { label: 'Name', value: (p) => p.name, cell: (p) => [p.name, ' ', p.builtin ? h('span', { class: 'badge lock' }, 'Built-in') : null] },
      { label: 'Attached to', sortable: false, cell: (p) => attachments(p, names) },
      { label: 'Updated', value: (p) => p.updated_at ?? '', cell: (p) => (p.builtin ? '' : dateTime(p.updated_at)) },
      { label: 'Actions', sortable: false, cell: (p) => h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'small secondary', 'aria-label': `${p.builtin ? 'View' : 'Edit'} policy ${p.name}`, onclick: () => edit(p, reload) }, p.builtin ? 'View' : 'Edit'),
        p.builtin ? null : h('button', { type: 'button', class: 'small danger', 'aria-label': `Delete policy ${p.name}`, onclick: () => remove(p, reload) }, 'Delete')) },
    ],
  });

  async function reload() {
    const [policies, credentials] = await Promise.all([api('GET', '/policies'), api('GET', '/credentials')]);
    names = new Map(credentials.credentials.map((c) => [c.id, c.user_name ?? c.access_key]));
    table.setRows(policies.policies);
  }

  main.append(
    h('div', { class: 'page-head' }, h('h1', {}, 'Policies'),
      h('div', { class: 'toolbar' }, filterBox(table, 'Filter policies'),
        h('button', { type: 'button', class: 'primary', id: 'create-policy', onclick: () => create(reload) }, 'Create policy'))),
    h('p', { class: 'hint' }, 'Identity policies give the credentials and groups they are attached to rights beyond their own buckets. Built-in policies cannot be changed.'),
    table.element);
  await reload();
}

function create(reload) {
  const name = h('input', { id: 'policy-name', autocomplete: 'off', spellcheck: 'false', maxlength: 128 });
  const editor = policyEditor({ id: 'policy-document', label: 'Document (JSON)', value: pretty(EXAMPLE) });
  openDialog({
    title: 'Create policy',
    wide: true,
    content: [field('Name', name, 'Letters, digits and + = , . @ _ -; at most 128.'), editor.element],
    actions: [{
      label: 'Create', kind: 'primary', run: async () => {
        if (!name.value.trim()) throw new Error('Enter a name.');
        if (!(await editor.validate())) return true;
        const saved = await editor.save((text) => api('POST', '/policies', { name: name.value.trim(), document: text }));
        if (!saved) return true;
        toast(`Policy ${name.value.trim()} created.`, 'success');
        await reload();
        return false;
      },
    }],
  });
  name.focus();
}

function edit(p, reload) {
  const editor = policyEditor({ id: 'policy-document', label: 'Document (JSON)', value: pretty(p.document), readonly: p.builtin });
  openDialog({
    title: `${p.builtin ? 'Built-in policy' : 'Edit policy'} ${p.name}`,
    wide: true,
    closeLabel: p.builtin ? 'Close' : 'Cancel',
    content: [p.builtin ? h('p', { class: 'hint' }, 'Built in: it can be attached, not changed.') : null, editor.element],
    actions: p.builtin ? [] : [{
      label: 'Save', kind: 'primary', run: async () => {
        if (!(await editor.validate())) return true;
        const saved = await editor.save((text) => api('PUT', `/policies/${enc(p.name)}`, { document: text }));
        if (!saved) return true;
        toast(`Policy ${p.name} saved.`, 'success');
        await reload();
        return false;
      },
    }],
  });
}

function remove(p, reload) {
  const attached = p.attached_to.credentials.length + p.attached_to.groups.length;
  confirmAction({
    title: 'Delete policy',
    message: `Delete the policy "${p.name}"?${attached ? ' It is still attached: detach it from every credential and group first.' : ''}`,
    confirmLabel: 'Delete policy',
    run: async () => {
      await api('DELETE', `/policies/${enc(p.name)}`);
      toast(`Policy ${p.name} deleted.`, 'success');
      await reload();
    },
  });
}
