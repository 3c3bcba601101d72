import { api, objectPath } from '../api.js';
import { openDialog } from '../dialog.js';
import { field, h } from '../dom.js';
import { toast } from '../notify.js';

// Edits an object's content type and user metadata. S3 has no call that changes them in place: the
// server copies the object onto itself with the new values (REPLACE), as AWS's console does, so in
// a versioned bucket the change is a new version.

/** Opens the editor for the object whose details `o` the API gave; `after(detail)` once saved. */
export function editMetadata(bucket, o, after) {
  const contentType = h('input', { id: 'metadata-content-type', value: o.content_type, required: true, spellcheck: false });
  const rows = h('tbody', { id: 'metadata-rows' });
  const addRow = (name = '', value = '') => {
    const nameInput = h('input', { value: name, 'aria-label': 'Metadata name', class: 'metadata-name', spellcheck: false });
    const valueInput = h('input', { value, 'aria-label': 'Metadata value', class: 'metadata-value', spellcheck: false });
    const remove = h('button', { type: 'button', class: 'small secondary', 'aria-label': `Remove metadata ${name}` }, 'Remove');
    const row = h('tr', {}, h('td', {}, nameInput), h('td', {}, valueInput), h('td', {}, remove));
    remove.addEventListener('click', () => row.remove());
    rows.append(row);
    return nameInput;
  };
  Object.entries(o.metadata ?? {}).forEach(([k, v]) => addRow(k, v));
  const add = h('button', { type: 'button', id: 'metadata-add', class: 'secondary' }, 'Add metadata');
  add.addEventListener('click', () => addRow().focus());

  openDialog({
    title: `Edit metadata: ${o.key}`,
    wide: true,
    content: [
      field('Content type', contentType, 'Sent as Content-Type when the object is downloaded, e.g. image/png or text/plain.'),
      h('h3', {}, 'User metadata'),
      h('p', { class: 'hint' }, 'Sent as x-amz-meta-<name> headers: names of letters, digits and - _ . (stored in lower case), printable ASCII values, 2 KB in all.'),
      h('div', { class: 'table-wrap' }, h('table', { class: 'data' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Value'), h('th', {}))), rows)),
      add,
    ],
    actions: [{
      label: 'Save metadata',
      kind: 'primary',
      run: async () => {
        const metadata = {};
        for (const tr of rows.querySelectorAll('tr')) {
          const name = tr.querySelector('.metadata-name').value.trim();
          const value = tr.querySelector('.metadata-value').value;
          if (!name && !value) continue;
          if (!name) throw new Error('Every metadata value needs a name.');
          if (Object.hasOwn(metadata, name.toLowerCase())) throw new Error(`"${name}" is given twice (names are not case-sensitive).`);
          metadata[name.toLowerCase()] = value;
        }
        const saved = await api('POST', `${objectPath(bucket, o.key)}/metadata`, { content_type: contentType.value.trim(), metadata });
        toast(`Saved the metadata of ${o.key}.`, 'success');
        await after(saved);
      },
    }],
  });
}
