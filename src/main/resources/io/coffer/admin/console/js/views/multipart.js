import { api, enc } from '../api.js';
import { confirmAction } from '../dialog.js';
import { h } from '../dom.js';
import { bytes, count, dateTime } from '../format.js';
import { showError, toast } from '../notify.js';
import { filterBox, sortableTable } from '../table.js';

/**
 * Multipart uploads in progress in every bucket (GET /multipart-uploads, a page at a time), with
 * abort. ?bucket= only puts that bucket's name in the filter box: the list itself is never partial.
 */
export async function render(main, _params, query) {
  const table = sortableTable({
    label: 'Multipart uploads',
    empty: 'No multipart upload is in progress in any bucket.',
    filter: (u) => `${u.bucket}/${u.object_key}`,
    rowId: (u) => u.upload_id,
    columns: [
      { label: 'Bucket', value: (u) => u.bucket, cell: (u) => h('a', { href: `#/buckets/${enc(u.bucket)}` }, u.bucket) },
      { label: 'Key', value: (u) => u.object_key, cell: (u) => h('span', { class: 'object-key' }, u.object_key) },
      { label: 'Started by', value: (u) => u.initiated_by ?? '', cell: (u) => u.initiated_by ?? '' },
      { label: 'Started', value: (u) => u.initiated_at, cell: (u) => dateTime(u.initiated_at) },
      { label: 'Parts', numeric: true, value: (u) => u.part_count, cell: (u) => count(u.part_count) },
      { label: 'Size', numeric: true, value: (u) => u.total_size, cell: (u) => bytes(u.total_size) },
      { label: 'Upload ID', value: (u) => u.upload_id, cell: (u) => h('code', { class: 'ellipsis upload-id', title: u.upload_id }, u.upload_id) },
      { label: 'Actions', sortable: false, cell: (u) => h('button', {
        type: 'button', class: 'small danger', 'aria-label': `Abort upload of ${u.object_key}`, onclick: () => abort(u) }, 'Abort') },
    ],
  });
  const filter = filterBox(table, 'Filter by bucket or key');
  const summary = h('p', { class: 'hint', id: 'uploads-summary', 'aria-live': 'polite' });
  const more = h('button', { type: 'button', class: 'secondary', id: 'uploads-more', hidden: true }, 'Load more');
  let rows = [];
  let next = null;

  function summarize() {
    summary.textContent = `${count(rows.length)} upload${rows.length === 1 ? '' : 's'} in progress`
      + (next ? ' shown; more follow.' : '.');
  }

  async function load(reset) {
    if (reset) {
      rows = [];
      next = null;
    }
    const params = new URLSearchParams();
    if (next) {
      params.set('bucket_marker', next.bucket);
      if (next.key) params.set('key_marker', next.key);
      if (next.uploadId) params.set('upload_id_marker', next.uploadId);
    }
    const page = await api('GET', `/multipart-uploads${params.toString() ? `?${params}` : ''}`);
    rows = rows.concat(page.uploads);
    next = page.truncated
      ? { bucket: page.next_bucket_marker, key: page.next_key_marker, uploadId: page.next_upload_id_marker }
      : null;
    table.setRows(rows);
    more.hidden = !next;
    summarize();
  }

  function abort(u) {
    confirmAction({
      title: 'Abort multipart upload',
      message: `Abort the upload of "${u.object_key}" in ${u.bucket} and delete its ${count(u.part_count)} uploaded parts?`,
      confirmLabel: 'Abort upload',
      run: async () => {
        await api('DELETE', `/buckets/${enc(u.bucket)}/multipart-uploads/${enc(u.upload_id)}`);
        toast(`Upload of ${u.object_key} aborted.`, 'success');
        rows = rows.filter((r) => r.upload_id !== u.upload_id);
        table.setRows(rows);
        summarize();
      },
    });
  }

  more.addEventListener('click', () => load(false).catch(showError));
  const bucket = query.get('bucket');
  if (bucket) {
    filter.value = bucket;
    table.setFilter(bucket);
  }
  main.append(
    h('div', { class: 'page-head' }, h('h1', {}, 'Multipart uploads'),
      h('div', { class: 'toolbar' }, filter,
        h('button', { type: 'button', class: 'secondary', id: 'uploads-refresh', onclick: () => load(true).catch(showError) }, 'Refresh'))),
    summary, table.element, h('div', { class: 'listing-foot' }, more));
  await load(true);
}
