import { api, enc } from '../api.js';
import { confirmAction } from '../dialog.js';
import { h } from '../dom.js';
import { count, dateTime } from '../format.js';
import { toast } from '../notify.js';
import { sortableTable } from '../table.js';

/** Multipart uploads in progress in one bucket, with abort. */
export async function render(main, _params, query) {
  const { buckets } = await api('GET', '/buckets');
  const chosen = query.get('bucket') ?? buckets[0]?.name ?? '';
  const picker = h('select', { id: 'uploads-bucket', 'aria-label': 'Bucket' },
    buckets.map((b) => h('option', { value: b.name, selected: b.name === chosen }, b.name)));
  picker.addEventListener('change', () => {
    location.hash = `#/uploads?bucket=${enc(picker.value)}`;
  });
  const table = sortableTable({
    label: 'Multipart uploads',
    empty: 'No multipart upload is in progress in this bucket.',
    filter: (u) => u.object_key,
    rowId: (u) => u.upload_id,
    columns: [
      { label: 'Key', value: (u) => u.object_key, cell: (u) => u.object_key },
      { label: 'Started by', value: (u) => u.initiated_by ?? '', cell: (u) => u.initiated_by ?? '' },
      { label: 'Started', value: (u) => u.initiated_at, cell: (u) => dateTime(u.initiated_at) },
      { label: 'Parts', numeric: true, value: (u) => u.part_count, cell: (u) => count(u.part_count) },
      { label: 'Size', numeric: true, value: (u) => u.total_size, cell: (u) => u.total_size_human },
      { label: 'Upload ID', value: (u) => u.upload_id, cell: (u) => h('code', { class: 'ellipsis', title: u.upload_id }, u.upload_id) },
      { label: 'Actions', sortable: false, cell: (u) => h('button', {
        type: 'button', class: 'small danger', 'aria-label': `Abort upload of ${u.object_key}`, onclick: () => abort(u) }, 'Abort') },
    ],
  });
  const base = `/buckets/${enc(chosen)}/multipart-uploads`;

  async function reload() {
    table.setRows(chosen ? (await api('GET', base)).uploads : []);
  }

  function abort(u) {
    confirmAction({
      title: 'Abort multipart upload',
      message: `Abort the upload of "${u.object_key}" and delete its ${count(u.part_count)} uploaded parts?`,
      confirmLabel: 'Abort upload',
      run: async () => {
        await api('DELETE', `${base}/${enc(u.upload_id)}`);
        toast(`Upload of ${u.object_key} aborted.`, 'success');
        await reload();
      },
    });
  }

  main.append(
    h('div', { class: 'page-head' }, h('h1', {}, 'Multipart uploads'),
      h('div', { class: 'toolbar' }, h('label', { for: 'uploads-bucket' }, 'Bucket'), picker,
        h('button', { type: 'button', class: 'secondary', onclick: () => reload().catch((e) => toast(e.message, 'error')) }, 'Refresh'))),
    buckets.length ? table.element : h('p', { class: 'empty' }, 'There are no buckets.'));
  await reload();
}
