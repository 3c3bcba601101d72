import { api } from '../api.js';
import { signingCredentials } from '../signers.js';
import { field, h } from '../dom.js';
import { openDialog } from '../dialog.js';
import { dateTime } from '../format.js';

const EXPIRIES = [['3600', '1 hour'], ['86400', '1 day'], ['604800', '7 days (the maximum)']];

/**
 * A share-upload page: an HTML form that uploads one file into a folder of the bucket, posting it
 * straight to the S3 port with a POST policy from /presigned-posts (key prefix, size limit,
 * expiry), so whoever opens the page needs neither the console nor a credential. The console's own
 * uploads keep going through the management API.
 */
export async function shareUploadForm(bucket, prefix) {
  const active = await signingCredentials();
  if (active.length === 0) throw new Error('There is no active credential to sign the form with.');
  const credential = h('select', { id: 'upload-link-credential' },
    active.map((c) => h('option', { value: c.access_key }, `${c.user_name ?? '(no name)'} — ${c.access_key}`)));
  const folder = h('input', { id: 'upload-link-prefix', value: prefix, placeholder: '(the bucket itself)' });
  const maxMib = h('input', { id: 'upload-link-max', type: 'number', min: '1', value: '100' });
  const expiry = h('select', { id: 'upload-link-expiry' }, EXPIRIES.map(([v, l]) => h('option', { value: v, selected: v === '86400' }, l)));
  const download = h('a', { class: 'button', id: 'upload-link-download' }, 'Download the upload page');
  const source = h('textarea', { id: 'upload-link-html', readonly: true, rows: 6, 'aria-label': 'Upload page HTML' });
  const expires = h('p', { class: 'hint', id: 'upload-link-expires' });
  const result = h('div', { class: 'share-result', hidden: true }, download, expires, field('Or paste this form into a page', source));
  openDialog({
    title: `Upload page for ${bucket}/${prefix}`,
    wide: true,
    closeLabel: 'Close',
    content: [field('Folder', folder, 'Every uploaded file goes into this folder under its own name.'),
      field('Largest file (MiB)', maxMib), field('Expires after', expiry),
      field('Signed with', credential, 'The page uploads as this credential, within the limits above, until it expires.'), result],
    actions: [{
      label: 'Create upload page', kind: 'primary', run: async () => {
        const made = await api('POST', '/presigned-posts', {
          bucket, key_prefix: folder.value, max_size: Math.round(Number(maxMib.value) * 1048576),
          expires_in: Number(expiry.value), access_key: credential.value,
        });
        const html = uploadPage(bucket, made);
        source.value = html;
        download.href = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
        download.download = `upload-${bucket}.html`;
        expires.textContent = `The page works until ${dateTime(made.expires_at)}.`;
        result.hidden = false;
        return true;
      },
    }],
  });
}

const escape = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** A self-contained page: the signed fields hidden, a file input, and S3's 201 answer shown. */
function uploadPage(bucket, made) {
  const hidden = Object.entries(made.fields)
    .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`).join('\n');
  return `<!doctype html>
<meta charset="utf-8"><title>Upload to ${escape(bucket)}</title>
<form method="post" enctype="multipart/form-data" action="${escape(made.url)}">
${hidden}
<input type="hidden" name="success_action_status" value="201">
<input type="file" name="file" required>
<button>Upload</button>
</form>
`;
}
