import { h, replace } from '../dom.js';
import { showError, toast } from '../notify.js';

/**
 * An editor of a tag set (a bucket's or an object version's): one row per tag with its key and
 * value, rows added and removed, and a Save that sends the whole set in its order. The server
 * checks S3's rules; its refusal is shown as it gives it.
 *
 * @param {object} options
 * @param {string} options.id the id of the editor's element (rows and buttons get ids from it)
 * @param {Object<string,string>} options.tags the tags now
 * @param {number} options.max how many tags S3 allows (10 on an object, 50 on a bucket)
 * @param {(tags: Object<string,string>) => Promise<Object<string,string>>} options.save stores them
 * @param {string} options.what what the tags belong to, for the confirmation
 */
export function tagEditor({ id, tags, max, save, what }) {
  const body = h('tbody', {});
  const table = h('table', { class: 'data tag-table', id: `${id}-table` },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Key'), h('th', { scope: 'col' }, 'Value'), h('th', { scope: 'col' }, 'Remove'))),
    body);
  const empty = h('p', { class: 'hint', id: `${id}-empty` }, 'No tags.');
  const limit = h('p', { class: 'hint' }, `At most ${max} tags; keys of 1 to 128 and values of up to 256 characters: letters, digits, spaces and _ . : / = + - @.`);
  const add = h('button', { type: 'button', class: 'small secondary', id: `${id}-add` }, 'Add tag');
  const saveButton = h('button', { type: 'button', class: 'primary', id: `${id}-save` }, 'Save tags');

  function row(key = '', value = '') {
    const keyInput = h('input', { type: 'text', class: 'tag-key', value: key, maxlength: 128, 'aria-label': 'Tag key' });
    const valueInput = h('input', { type: 'text', class: 'tag-value', value, maxlength: 256, 'aria-label': 'Tag value' });
    const tr = h('tr', {}, h('td', {}, keyInput), h('td', {}, valueInput),
      h('td', { class: 'actions' }, h('button', {
        type: 'button', class: 'small secondary tag-remove', 'aria-label': `Remove tag ${key}`,
        onclick: () => { tr.remove(); refresh(); },
      }, 'Remove')));
    body.append(tr);
    refresh();
    return keyInput;
  }

  function refresh() {
    const n = body.children.length;
    table.hidden = n === 0;
    empty.hidden = n > 0;
    add.disabled = n >= max;
  }

  function collect() {
    const out = {};
    for (const tr of body.children) {
      const key = tr.querySelector('.tag-key').value;
      const value = tr.querySelector('.tag-value').value;
      if (!key && !value) continue; // an untouched new row
      if (Object.hasOwn(out, key)) throw new Error(`The key "${key}" is given twice.`);
      out[key] = value;
    }
    return out;
  }

  function load(current) {
    replace(body);
    for (const [k, v] of Object.entries(current ?? {})) row(k, v);
    refresh();
  }

  add.addEventListener('click', () => row().focus());
  saveButton.addEventListener('click', async () => {
    saveButton.disabled = true;
    try {
      load(await save(collect()));
      toast(`The tags of ${what} were saved.`, 'success');
    } catch (e) {
      showError(e);
    } finally {
      saveButton.disabled = false;
    }
  });
  load(tags);
  return h('div', { class: 'tag-editor', id }, limit, empty, table, h('div', { class: 'toolbar' }, add, saveButton));
}
