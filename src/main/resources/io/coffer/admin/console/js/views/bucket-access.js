import { api, enc } from '../api.js';
import { openDialog } from '../dialog.js';
import { field, h, replace } from '../dom.js';
import { showError, toast } from '../notify.js';
import { policyEditor, pretty } from './policy-editor.js';
import { anonymousSummary, aclTable } from './access-summary.js';

const FLAGS = [
  ['block_public_acls', 'Block public ACLs', 'New public ACLs (public-read, grants to AllUsers) are refused.'],
  ['ignore_public_acls', 'Ignore public ACLs', 'Public grants already in ACLs count for nothing.'],
  ['block_public_policy', 'Block public policy', 'A bucket policy that grants access to anyone is refused.'],
  ['restrict_public_buckets', 'Restrict public buckets', 'What a public bucket policy grants to anonymous callers is dropped.'],
];

/** The canned policies: anyone may read every object, or the objects under one prefix. */
export function publicReadPolicy(bucket, prefix = '') {
  return {
    Version: '2012-10-17',
    Statement: [{
      Sid: prefix ? 'PublicReadPrefix' : 'PublicRead',
      Effect: 'Allow',
      Principal: '*',
      Action: ['s3:GetObject'],
      Resource: [`arn:aws:s3:::${bucket}/${prefix}*`],
    }],
  };
}

/** A bucket's access settings: who may do what without credentials, policy, public access block, ACL. */
export async function render(main, [bucket]) {
  const path = `/buckets/${enc(bucket)}`;
  const summaryBox = h('div', { id: 'anonymous-summary' });
  const aclBox = h('div', { id: 'bucket-acl' });
  const editor = policyEditor({
    id: 'bucket-policy', label: 'Bucket policy (JSON)', kind: 'bucket',
    hint: 'Empty means no policy: only the owner, identity policies and ACLs grant access.',
  });

  async function refreshSummary() {
    replace(summaryBox, anonymousSummary(await api('GET', `${path}/anonymous-access`)));
  }

  async function loadPolicy() {
    const answer = await api('GET', `${path}/policy`);
    editor.set(pretty(answer.policy));
  }

  const template = (label, id, make) => h('button', { type: 'button', class: 'small secondary', id, onclick: make }, label);
  const templates = h('div', { class: 'toolbar templates', role: 'group', 'aria-label': 'Policy templates' },
    h('span', { class: 'hint' }, 'Templates:'),
    template('Private (no policy)', 'template-private', () => editor.set('')),
    template('Public read', 'template-public-read', () => editor.set(pretty(publicReadPolicy(bucket)))),
    template('Public read for a prefix…', 'template-public-prefix', () => askPrefix(bucket, editor)));

  const save = h('button', { type: 'button', class: 'primary', id: 'save-policy' }, 'Save policy');
  save.addEventListener('click', async () => {
    save.disabled = true;
    try {
      if (!editor.value().trim()) {
        await api('DELETE', `${path}/policy`);
        toast(`The policy of ${bucket} was removed.`, 'success');
      } else {
        const saved = await editor.save((text) => api('PUT', `${path}/policy`, { policy: text }));
        if (!saved) return;
        toast(`The policy of ${bucket} was saved.`, 'success');
      }
      await loadPolicy();
      editor.showValid(editor.value().trim() ? 'Saved.' : 'No policy.');
      await refreshSummary();
    } catch (e) {
      showError(e);
    } finally {
      save.disabled = false;
    }
  });

  const block = await api('GET', `${path}/public-access-block`);
  const boxes = FLAGS.map(([name, label, hint]) => {
    const box = h('input', { type: 'checkbox', id: `pab-${name.replaceAll('_', '-')}`, checked: block[name], dataset: { flag: name } });
    return { name, box, element: h('div', { class: 'field check-field' }, h('label', { for: box.id }, box, ` ${label}`), h('p', { class: 'hint' }, hint)) };
  });
  const saveBlock = h('button', { type: 'button', class: 'primary', id: 'save-public-access-block' }, 'Save public access block');
  saveBlock.addEventListener('click', async () => {
    saveBlock.disabled = true;
    try {
      const body = Object.fromEntries(boxes.map((b) => [b.name, b.box.checked]));
      await api('PUT', `${path}/public-access-block`, body);
      toast(`The public access block of ${bucket} was saved.`, 'success');
      await refreshSummary();
    } catch (e) {
      showError(e);
    } finally {
      saveBlock.disabled = false;
    }
  });

  main.append(
    h('div', { class: 'page-head' }, h('h1', {}, `Access: ${bucket}`),
      h('nav', { class: 'breadcrumbs', 'aria-label': 'Breadcrumb' }, h('ol', {},
        h('li', {}, h('a', { href: '#/buckets' }, 'Buckets')),
        h('li', {}, h('a', { href: `#/buckets/${enc(bucket)}` }, bucket)),
        h('li', {}, h('a', { href: `#/buckets/${enc(bucket)}/access`, 'aria-current': 'page' }, 'Access'))))),
    h('section', { class: 'card section', 'aria-labelledby': 'anonymous-heading' },
      h('h2', { id: 'anonymous-heading' }, 'Anonymous access'),
      h('p', { class: 'hint' }, 'What anyone may do without credentials, as Coffer decides it for a request without a signature.'),
      summaryBox),
    h('section', { class: 'card section', 'aria-labelledby': 'policy-heading' },
      h('h2', { id: 'policy-heading' }, 'Bucket policy'),
      templates, editor.element, h('div', { class: 'toolbar' }, save)),
    h('section', { class: 'card section', 'aria-labelledby': 'pab-heading' },
      h('h2', { id: 'pab-heading' }, 'Public access block'),
      boxes.map((b) => b.element), h('div', { class: 'toolbar' }, saveBlock)),
    h('section', { class: 'card section', 'aria-labelledby': 'acl-heading' },
      h('h2', { id: 'acl-heading' }, 'Access control list'),
      h('p', { class: 'hint' }, 'Read only here: ACLs are set with S3 clients (PutBucketAcl, x-amz-acl).'),
      aclBox));

  await Promise.all([loadPolicy(), refreshSummary(),
    api('GET', `${path}/acl`).then((acl) => replace(aclBox, aclTable(acl)))]);
}

function askPrefix(bucket, editor) {
  const prefix = h('input', { id: 'template-prefix', autocomplete: 'off', spellcheck: 'false', placeholder: 'public/' });
  openDialog({
    title: 'Public read for a prefix',
    content: field('Prefix', prefix, 'Anyone may read the objects whose keys begin with this, e.g. public/ or assets/img/.'),
    actions: [{
      label: 'Use template', kind: 'primary', run: async () => {
        if (!prefix.value) throw new Error('Enter a prefix; for the whole bucket use "Public read".');
        editor.set(pretty(publicReadPolicy(bucket, prefix.value)));
      },
    }],
  });
  prefix.focus();
}
