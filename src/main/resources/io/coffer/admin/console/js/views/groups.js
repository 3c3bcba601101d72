import { api, enc } from '../api.js';
import { checklist } from '../checklist.js';
import { confirmAction, openDialog } from '../dialog.js';
import { field, h } from '../dom.js';
import { dateTime } from '../format.js';
import { toast } from '../notify.js';
import { filterBox, sortableTable } from '../table.js';

const list = (items) => (items.length ? items.join(', ') : h('span', { class: 'hint' }, 'None'));

/** Groups of credentials sharing the policies attached to the group. */
export async function render(main) {
  let context = { credentials: [], policies: [] };
  const nameOf = (id) => {
    const c = context.credentials.find((x) => x.id === id);
    return c ? (c.user_name ?? c.access_key) : `credential ${id}`;
  };
  const table = sortableTable({
    label: 'Groups',
    empty: 'No groups yet.',
    filter: (g) => `${g.name} ${g.policies.join(' ')}`,
    rowId: (g) => g.name,
    columns: [
      { label: 'Name', value: (g) => g.name, cell: (g) => g.name },
      { label: 'Members', value: (g) => g.members.length, cell: (g) => list(g.members.map(nameOf)) },
      { label: 'Policies', sortable: false, cell: (g) => list(g.policies) },
      { label: 'Created', value: (g) => g.created_at ?? '', cell: (g) => dateTime(g.created_at) },
      { label: 'Actions', sortable: false, cell: (g) => h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'small secondary', 'aria-label': `Edit group ${g.name}`, onclick: () => editGroup(g, context, reload) }, 'Edit'),
        h('button', { type: 'button', class: 'small danger', 'aria-label': `Delete group ${g.name}`, onclick: () => remove(g, reload) }, 'Delete')) },
    ],
  });

  async function reload() {
    const [groups, credentials, policies] = await Promise.all(
      [api('GET', '/groups'), api('GET', '/credentials'), api('GET', '/policies')]);
    context = { credentials: credentials.credentials, policies: policies.policies };
    table.setRows(groups.groups);
  }

  main.append(
    h('div', { class: 'page-head' }, h('h1', {}, 'Groups'),
      h('div', { class: 'toolbar' }, filterBox(table, 'Filter groups'),
        h('button', { type: 'button', class: 'primary', id: 'create-group', onclick: () => editGroup(null, context, reload) }, 'Create group'))),
    h('p', { class: 'hint' }, 'Every member of a group has the policies attached to the group. Service accounts act with their parent\'s groups and cannot be members.'),
    table.element);
  await reload();
}

/** Creates a group (g null) or changes its members and policies. */
function editGroup(g, { credentials, policies }, reload) {
  const name = h('input', { id: 'group-name', autocomplete: 'off', spellcheck: 'false', maxlength: 128 });
  const members = checklist({
    legend: 'Members', name: 'member', empty: 'No credentials that can be members.',
    items: credentials.filter((c) => c.parent_id === null || c.parent_id === undefined).map((c) => ({
      value: c.id, label: c.user_name ?? '(no name)', hint: c.access_key, checked: g?.members.includes(c.id),
    })),
  });
  const attached = checklist({
    legend: 'Policies', name: 'policy', empty: 'No policies.',
    items: policies.map((p) => ({ value: p.name, label: p.name, hint: p.builtin ? '(built in)' : '', checked: g?.policies.includes(p.name) })),
  });
  openDialog({
    title: g ? `Edit group ${g.name}` : 'Create group',
    wide: true,
    content: [g ? null : field('Name', name, 'Letters, digits and + = , . @ _ -; at most 128.'), members.element, attached.element],
    actions: [{
      label: g ? 'Save' : 'Create', kind: 'primary', run: async () => {
        const body = { members: members.selected(), policies: attached.selected() };
        if (g) {
          await api('PUT', `/groups/${enc(g.name)}`, body);
          toast(`Group ${g.name} saved.`, 'success');
        } else {
          if (!name.value.trim()) throw new Error('Enter a name.');
          await api('POST', '/groups', { name: name.value.trim(), ...body });
          toast(`Group ${name.value.trim()} created.`, 'success');
        }
        await reload();
      },
    }],
  });
  if (!g) name.focus();
}

function remove(g, reload) {
  confirmAction({
    title: 'Delete group',
    message: `Delete the group "${g.name}"? Its members lose the policies attached to it.`,
    confirmLabel: 'Delete group',
    run: async () => {
      await api('DELETE', `/groups/${enc(g.name)}`);
      toast(`Group ${g.name} deleted.`, 'success');
      await reload();
    },
  });
}
