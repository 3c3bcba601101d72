import { api, enc } from '../api.js';
import { checklist } from '../checklist.js';
import { openDialog } from '../dialog.js';
import { field, h } from '../dom.js';
import { dateTime } from '../format.js';
import { toast } from '../notify.js';
import { policyEditor, pretty } from './policy-editor.js';

const isServiceAccount = (c) => c.parent_id !== null && c.parent_id !== undefined;

/** What a credential may do beyond its own buckets, for the table: policies, groups, parentage. */
export function accessCell(c, all) {
  if (isServiceAccount(c)) {
    const parent = all.find((p) => p.id === c.parent_id);
    return h('span', { class: 'badges' },
      h('span', { class: 'badge lock', dataset: { parent: String(c.parent_id) } }, `Service account of ${parent ? (parent.user_name ?? parent.access_key) : `credential ${c.parent_id}`}`),
      c.expires_at ? h('span', { class: `badge ${new Date(c.expires_at) < new Date() ? 'off' : 'muted'}` }, `Expires ${dateTime(c.expires_at)}`) : null);
  }
  const parts = [...c.policies.map((p) => h('span', { class: 'badge ok' }, p)), ...c.groups.map((g) => h('span', { class: 'badge muted' }, `group ${g}`))];
  return parts.length ? h('span', { class: 'badges' }, parts) : h('span', { class: 'hint' }, 'Own buckets only');
}

/**
 * Attaches and detaches a credential's policies and changes its groups; for a service account,
 * shows its parent, expiry and inline policy (it acts with its parent's policies and groups).
 */
export async function editAccess(c, reload) {
  if (isServiceAccount(c)) {
    const detail = await api('GET', `/credentials/${enc(String(c.id))}`);
    const inline = policyEditor({ id: 'inline-policy', label: 'Inline policy', value: pretty(detail.policy), readonly: true, hint: detail.policy ? 'It can only narrow what the parent may do.' : 'None: the parent\'s rights, unnarrowed.' });
    openDialog({
      title: `Service account ${c.access_key}`,
      wide: true,
      closeLabel: 'Close',
      content: [h('dl', { class: 'details' },
        h('dt', {}, 'Parent'), h('dd', {}, `credential ${detail.parent_id}`),
        h('dt', {}, 'Expires'), h('dd', {}, detail.expires_at ? dateTime(detail.expires_at) : 'Never')),
      h('p', { class: 'hint' }, 'A service account acts with its parent\'s policies and groups.'), inline.element],
    });
    return;
  }
  const [policies, groups] = await Promise.all([api('GET', '/policies'), api('GET', '/groups')]);
  const policyList = checklist({
    legend: 'Attached policies', name: 'policy', empty: 'No policies.',
    items: policies.policies.map((p) => ({ value: p.name, label: p.name, hint: p.builtin ? '(built in)' : '', checked: c.policies.includes(p.name) })),
  });
  const groupList = checklist({
    legend: 'Groups', name: 'group', empty: 'No groups yet.',
    items: groups.groups.map((g) => ({ value: g.name, label: g.name, hint: g.policies.length ? `(${g.policies.join(', ')})` : '', checked: g.members.includes(c.id) })),
  });
  openDialog({
    title: `Policies and groups of ${c.user_name ?? c.access_key}`,
    wide: true,
    content: [h('p', { class: 'hint' }, 'A credential with no policy acts on its own buckets only.'), policyList.element, groupList.element],
    actions: [{
      label: 'Save', kind: 'primary', run: async () => {
        await api('PUT', `/credentials/${enc(String(c.id))}/policies`, { policies: policyList.selected() });
        const chosen = new Set(groupList.selected());
        for (const g of groups.groups) {
          const member = g.members.includes(c.id);
          if (member === chosen.has(g.name)) continue;
          const members = member ? g.members.filter((id) => id !== c.id) : [...g.members, c.id];
          await api('PUT', `/groups/${enc(g.name)}`, { members });
        }
        toast(`Access of ${c.access_key} saved.`, 'success');
        await reload();
      },
    }],
  });
}

/** A service account: a parent, an optional expiry and an optional inline policy. */
export function createServiceAccount(all, reload, showSecret) {
  const parents = all.filter((c) => !isServiceAccount(c));
  const parent = h('select', { id: 'service-parent' },
    parents.map((c) => h('option', { value: c.id }, `${c.user_name ?? '(no name)'} — ${c.access_key}`)));
  const user = h('input', { id: 'service-user', autocomplete: 'off' });
  const expires = h('input', { type: 'datetime-local', id: 'service-expires' });
  const inline = policyEditor({ id: 'service-policy', label: 'Inline policy (optional, JSON)', hint: 'Leave empty for the parent\'s rights; a policy can only narrow them.' });
  openDialog({
    title: 'Create service account',
    wide: true,
    content: [field('Parent credential', parent), field('User name (optional)', user),
      field('Expires (optional, your time zone)', expires, 'From then on its key is refused.'), inline.element],
    actions: [{
      label: 'Create', kind: 'primary', run: async () => {
        if (!parent.value) throw new Error('Create a credential first: a service account needs a parent.');
        const body = { parent_id: Number(parent.value) };
        if (user.value.trim()) body.user_name = user.value.trim();
        if (expires.value) body.expires_at = new Date(expires.value).toISOString().replace(/\.\d+Z$/, 'Z');
        if (inline.value().trim()) {
          if (!(await inline.validate())) return true;
          body.policy = inline.value();
        }
        let made;
        const saved = await inline.save(async () => { made = await api('POST', '/credentials', body); });
        if (!saved) return true;
        await reload();
        setTimeout(() => showSecret(made));
        return false;
      },
    }],
  });
  parent.focus();
}
