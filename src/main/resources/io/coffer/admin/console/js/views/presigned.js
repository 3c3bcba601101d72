import { api, enc } from '../api.js';
import { confirmAction } from '../dialog.js';
import { h } from '../dom.js';
import { dateTime } from '../format.js';
import { toast } from '../notify.js';
import { sortableTable } from '../table.js';

const STATUSES = ['all', 'active', 'expired', 'revoked'];

/** Presigned URLs issued through the API: active, expired and revoked, with revoke. */
export async function render(main) {
  let all = [];
  const status = h('select', { id: 'presigned-status', 'aria-label': 'Show' },
    STATUSES.map((s) => h('option', { value: s }, s === 'all' ? 'All' : s[0].toUpperCase() + s.slice(1))));
  const table = sortableTable({
    label: 'Presigned URLs',
    empty: 'No presigned URL matches. Share an object from the object browser to create one.',
    filter: (u) => `${u.bucket_name}/${u.object_key} ${u.access_key}`,
    rowId: (u) => String(u.id),
    columns: [
      { label: 'Object', value: (u) => `${u.bucket_name}/${u.object_key}`, cell: (u) => `${u.bucket_name}/${u.object_key}` },
      { label: 'Method', value: (u) => u.method, cell: (u) => u.method },
      { label: 'Access key', value: (u) => u.access_key, cell: (u) => h('code', {}, u.access_key) },
      { label: 'Created', value: (u) => u.created_at, cell: (u) => dateTime(u.created_at) },
      { label: 'Expires', value: (u) => u.expires_at, cell: (u) => dateTime(u.expires_at) },
      { label: 'Status', value: (u) => u.status, cell: (u) => h('span', { class: `badge ${u.status}` }, u.status) },
      { label: 'Actions', sortable: false, cell: (u) => (u.status === 'active'
        ? h('button', { type: 'button', class: 'small danger', 'aria-label': `Revoke URL for ${u.object_key}`, onclick: () => revoke(u) }, 'Revoke')
        : '') },
    ],
  });

  function show() {
    table.setRows(status.value === 'all' ? all : all.filter((u) => u.status === status.value));
  }

  async function reload() {
    all = (await api('GET', '/presigned-urls')).urls;
    show();
  }

  function revoke(u) {
    confirmAction({
      title: 'Revoke presigned URL',
      message: `Revoke the ${u.method} URL for ${u.bucket_name}/${u.object_key}? Anyone holding it is refused from now on.`,
      confirmLabel: 'Revoke',
      run: async () => {
        await api('DELETE', `/presigned-urls/${enc(String(u.id))}`);
        toast('URL revoked.', 'success');
        await reload();
      },
    });
  }

  status.addEventListener('change', show);
  const filter = h('input', { type: 'search', placeholder: 'Filter URLs', 'aria-label': 'Filter URLs', class: 'filter' });
  filter.addEventListener('input', () => table.setFilter(filter.value));
  main.append(
    h('div', { class: 'page-head' }, h('h1', {}, 'Presigned URLs'),
      h('div', { class: 'toolbar' }, filter, h('label', { for: 'presigned-status' }, 'Show'), status,
        h('button', { type: 'button', class: 'secondary', onclick: () => reload().catch((e) => toast(e.message, 'error')) }, 'Refresh'))),
    table.element);
  await reload();
}
