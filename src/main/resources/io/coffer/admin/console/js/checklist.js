import { h } from './dom.js';

/**
 * A group of checkboxes, one per item: a fieldset with a legend. Labels are text, never markup.
 * items: [{value, label, checked, hint}]; each box carries data-value (for tests and scripts).
 */
export function checklist({ legend, items, empty, name }) {
  const boxes = items.map((item) => {
    const box = h('input', { type: 'checkbox', checked: Boolean(item.checked), dataset: { value: String(item.value), [name]: String(item.value) } });
    return { item, box, element: h('label', { class: 'check-item' }, box, ' ', item.label, item.hint ? h('span', { class: 'hint' }, ` ${item.hint}`) : null) };
  });
  return {
    element: h('fieldset', { class: 'checklist', dataset: { list: name } }, h('legend', {}, legend),
      boxes.length ? boxes.map((b) => b.element) : h('p', { class: 'hint' }, empty)),
    selected: () => boxes.filter((b) => b.box.checked).map((b) => b.item.value),
  };
}
