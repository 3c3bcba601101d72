import { h } from '../dom.js';

const yesNo = (value) => h('span', { class: `badge ${value ? 'off' : 'ok'}`, dataset: { value: String(value) } }, value ? 'Yes' : 'No');

function grantee(g) {
  return g.type === 'group' ? g.name : `${g.display_name ?? '(deleted credential)'} (ID ${g.id})`;
}

/** The anonymous-access summary: verdicts first, then what produced them. */
export function anonymousSummary(s) {
  const verdict = (key, label, value) => h('div', { class: 'verdict', dataset: { verdict: key } }, h('dt', {}, label), h('dd', {}, yesNo(value)));
  const block = s.public_access_block;
  const flags = [['block_public_acls', 'BlockPublicAcls'], ['ignore_public_acls', 'IgnorePublicAcls'],
    ['block_public_policy', 'BlockPublicPolicy'], ['restrict_public_buckets', 'RestrictPublicBuckets']]
    .filter(([k]) => block[k]).map(([, name]) => name);
  return [
    h('p', { class: s.is_public ? 'warning' : 'hint', id: 'anonymous-verdict', dataset: { public: String(s.is_public) } },
      s.is_public ? 'This bucket is public: anyone can reach some of it without credentials.' : 'Private: nothing is open to anonymous requests.'),
    h('dl', { class: 'details verdicts' },
      verdict('list', 'Anyone can list the objects', s.anonymous_list),
      verdict('read', 'Anyone can read every object', s.anonymous_read),
      verdict('write', 'Anyone can write objects', s.anonymous_write)),
    s.patterns.length ? h('div', {}, h('h3', {}, 'Key patterns named by public statements'),
      h('ul', { id: 'anonymous-patterns' }, s.patterns.map((p) => h('li', { dataset: { pattern: p.pattern } },
        h('code', {}, p.pattern), ': ', p.read ? 'anyone can read' : 'not readable', ', ',
        p.write ? 'anyone can write' : 'not writable')))) : null,
    h('h3', {}, 'Why'),
    h('ul', { class: 'reasons' },
      h('li', {}, s.policy_is_public ? 'The bucket policy is public.' : 'The bucket policy is not public (or there is none).'),
      s.public_statements.map((st) => h('li', { class: 'statement' },
        `${st.effect} for everyone${st.sid ? ` (${st.sid})` : ''}: `,
        h('code', {}, [...st.actions, ...st.not_actions.map((a) => `not ${a}`)].join(', ')), ' on ',
        h('code', {}, [...st.resources, ...st.not_resources.map((r) => `not ${r}`)].join(', ')),
        st.condition ? ' (with conditions)' : '')),
      s.public_grants.length
        ? s.public_grants.map((g) => h('li', { class: 'grant' }, `The bucket ACL grants ${g.permission} to ${grantee(g.grantee)}.`))
        : h('li', {}, 'The bucket ACL has no public grants.'),
      h('li', {}, `Object ownership: ${s.object_ownership} (ACLs ${s.acls_enabled ? 'enabled' : 'disabled'}).`),
      s.object_acls_count ? h('li', {}, 'Objects with a public-read ACL of their own are readable by anyone.') : null,
      h('li', {}, flags.length ? `Public access block: ${flags.join(', ')}.` : 'No public access block flag is set.')),
  ];
}

/** The bucket's ACL as a table of grants. */
export function aclTable(acl) {
  return [
    h('p', { class: 'hint' }, `Owner: ${acl.owner.display_name ?? '(deleted credential)'} (ID ${acl.owner.id}). Object ownership: ${acl.object_ownership}${acl.acls_enabled ? '' : ' — ACLs are disabled and grant nothing'}.`),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data', 'aria-label': 'Grants' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Grantee'), h('th', { scope: 'col' }, 'Permission'))),
      h('tbody', {}, acl.grants.map((g) => h('tr', { dataset: { id: `${g.grantee.type}:${g.grantee.id ?? g.grantee.name}:${g.permission}` } },
        h('td', {}, grantee(g.grantee)), h('td', {}, g.permission)))))),
  ];
}
