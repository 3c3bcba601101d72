import { h, replace } from './dom.js';

/**
 * A table sortable by clicking its column headers and filterable by a text box.
 * columns: [{label, value: row => sortable value, cell: row => node or text, numeric}]
 */
export function sortableTable({ columns, filter, empty, label, rowId }) {
  let rows = [];
  let sortIndex = 0;
  let ascending = true;
  let filterText = '';
  const tbody = h('tbody');
  const headers = columns.map((col, i) => {
    if (col.sortable === false) return h('th', { scope: 'col' }, col.label);
    const button = h('button', { type: 'button', class: 'sort' }, col.label);
    button.addEventListener('click', () => {
      ascending = sortIndex === i ? !ascending : true;
      sortIndex = i;
      render();
    });
    return h('th', { scope: 'col', class: col.numeric ? 'num' : '' }, button);
  });
  const table = h('table', { class: 'data', 'aria-label': label },
    h('thead', {}, h('tr', {}, headers)), tbody);

  function render() {
    headers.forEach((th, i) => {
      if (columns[i].sortable === false) return;
      th.setAttribute('aria-sort', i === sortIndex ? (ascending ? 'ascending' : 'descending') : 'none');
    });
    const needle = filterText.toLowerCase();
    const shown = rows.filter((r) => !needle || filter(r).toLowerCase().includes(needle));
    const value = columns[sortIndex].value;
    shown.sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const order = typeof x === 'number' ? x - y : String(x).localeCompare(String(y));
      return ascending ? order : -order;
    });
    if (shown.length === 0) {
      replace(tbody, h('tr', {}, h('td', { colspan: columns.length, class: 'empty' },
        rows.length ? 'Nothing matches the filter.' : empty)));
      return;
    }
    replace(tbody, shown.map((r) => h('tr', { dataset: { id: rowId(r) } },
      columns.map((c) => h('td', { class: c.numeric ? 'num' : '' }, c.cell(r))))));
  }

  return {
    element: h('div', { class: 'table-wrap' }, table),
    setRows(next) {
      rows = next;
      render();
    },
    setFilter(text) {
      filterText = text;
      render();
    },
  };
}

/** A search box wired to a table's filter. */
export function filterBox(table, placeholder) {
  const input = h('input', { type: 'search', placeholder, 'aria-label': placeholder, class: 'filter' });
  input.addEventListener('input', () => table.setFilter(input.value));
  return input;
}
