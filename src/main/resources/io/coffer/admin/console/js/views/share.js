import { api } from '../api.js';
import { signingCredentials } from '../signers.js';
import { copyText, field, h } from '../dom.js';
import { openDialog } from '../dialog.js';
import { dateTime } from '../format.js';
import { toast } from '../notify.js';

const EXPIRIES = [['900', '15 minutes'], ['3600', '1 hour'], ['86400', '1 day'], ['604800', '7 days (the maximum)']];

/** Generates a presigned URL for an object, signed with a credential the user picks. */
export async function shareObject(bucket, key) {
  const [active, { buckets }] = await Promise.all([signingCredentials(), api('GET', '/buckets')]);
  const owner = buckets.find((b) => b.name === bucket)?.owner;
  if (active.length === 0) throw new Error('There is no active credential to sign the URL with.');
  active.sort((a, b) => (b.user_name === owner) - (a.user_name === owner));
  const credential = h('select', { id: 'share-credential' },
    active.map((c) => h('option', { value: c.access_key }, `${c.user_name ?? '(no name)'} — ${c.access_key}`)));
  const expiry = h('select', { id: 'share-expiry' }, EXPIRIES.map(([v, l]) => h('option', { value: v, selected: v === '3600' }, l)));
  const method = h('select', { id: 'share-method' },
    h('option', { value: 'GET' }, 'GET: download the object'), h('option', { value: 'PUT' }, 'PUT: upload to this key'));
  const url = h('input', { id: 'share-url', readonly: true, 'aria-label': 'Presigned URL' });
  const expires = h('p', { class: 'hint', id: 'share-expires' });
  const copy = h('button', { type: 'button', id: 'share-copy' }, 'Copy');
  const result = h('div', { class: 'share-result', hidden: true }, h('label', { for: 'share-url' }, 'URL'),
    h('div', { class: 'copy-row' }, url, copy), expires);
  copy.addEventListener('click', async () => {
    try {
      await copyText(url.value, url);
      toast('URL copied to the clipboard.', 'success');
    } catch (e) {
      toast(`Could not copy: ${e.message}`, 'error');
    }
  });
  openDialog({
    title: `Share ${key}`,
    wide: true,
    closeLabel: 'Close',
    content: [field('Expires after', expiry), field('Allows', method), field('Signed with', credential,
      'Anyone holding the URL acts as this credential for this one request, until it expires or is revoked.'), result],
    actions: [{
      label: 'Generate URL', kind: 'primary', run: async () => {
        const made = await api('POST', '/presigned-urls', {
          bucket_name: bucket, object_key: key, method: method.value,
          expires_in: Number(expiry.value), access_key: credential.value,
        });
        url.value = made.url;
        expires.textContent = made.expires_at ? `Expires ${dateTime(made.expires_at)}.` : '';
        result.hidden = false;
        url.focus();
        url.select();
        return true;
      },
    }],
  });
}
