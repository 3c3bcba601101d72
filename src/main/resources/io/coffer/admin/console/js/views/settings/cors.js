import { api, enc } from '../../api.js';
import { field, h, replace } from '../../dom.js';
import { showError, toast } from '../../notify.js';

/** The bucket's CORS section of the settings page (#/buckets/{bucket}/settings). */
export const ID = 'cors';

const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'];

/** One value per line, blank lines dropped. */
const lines = (text) => text.split('\n').map((s) => s.trim()).filter(Boolean);

/**
 * The rule editor: which web pages (origins) a browser lets use the bucket, in the order S3
 * evaluates them (the first matching rule wins). Saving no rules removes the configuration.
 */
export async function render(box, bucket) {
  const path = `/buckets/${enc(bucket)}/cors`;
  const list = h('div', { class: 'cors-rules', id: 'cors-rules' });
  const empty = h('p', { class: 'hint', id: 'cors-empty' }, 'No CORS rules: browsers refuse pages of other origins any access to this bucket.');
  let editors = [];

  function show(rules) {
    editors = rules.map((rule) => ruleEditor(rule, remove));
    replace(list, editors.map((e) => e.element));
    renumber();
  }

  function renumber() {
    editors.forEach((e, i) => e.number(i + 1));
    empty.hidden = editors.length > 0;
  }

  function remove(editor) {
    editors = editors.filter((e) => e !== editor);
    editor.element.remove();
    renumber();
  }

  const add = h('button', { type: 'button', class: 'secondary', id: 'cors-add-rule' }, 'Add rule');
  add.addEventListener('click', () => {
    const editor = ruleEditor({ allowed_origins: [], allowed_methods: ['GET'] }, remove);
    editors.push(editor);
    list.append(editor.element);
    renumber();
    editor.focus();
  });

  const save = h('button', { type: 'button', class: 'primary', id: 'cors-save' }, 'Save CORS rules');
  save.addEventListener('click', async () => {
    save.disabled = true;
    try {
      if (editors.length === 0) {
        await api('DELETE', path);
        toast(`The CORS rules of ${bucket} were removed.`, 'success');
        show([]);
      } else {
        const saved = await api('PUT', path, { rules: editors.map((e) => e.value()) });
        toast(`The CORS rules of ${bucket} were saved.`, 'success');
        show(saved.rules);
      }
    } catch (e) {
      showError(e);
    } finally {
      save.disabled = false;
    }
  });

  replace(box,
    h('h2', { id: 'cors-heading' }, 'CORS'),
    h('p', { class: 'hint' },
      'Which web pages may use this bucket from a browser (uploads and downloads with presigned URLs, say). ',
      'Rules are evaluated in order; the first whose origin, method and headers match applies. ',
      'CORS grants no access by itself: requests are still authorized as usual.'),
    empty, list,
    h('div', { class: 'toolbar' }, add, save));
  show((await api('GET', path)).rules);
}

/** The fields of one rule; value() is the rule as the API takes it. */
function ruleEditor(rule, onRemove) {
  const heading = h('legend', {});
  const id = h('input', { value: rule.id ?? '', autocomplete: 'off', spellcheck: 'false', maxlength: 255, class: 'cors-id' });
  const origins = h('textarea', { rows: 2, spellcheck: 'false', class: 'cors-origins', placeholder: 'https://app.example.com, one per line' });
  origins.value = (rule.allowed_origins ?? []).join('\n');
  const methods = METHODS.map((m) => h('input', { type: 'checkbox', value: m, checked: (rule.allowed_methods ?? []).includes(m), class: 'cors-method' }));
  const allowed = h('textarea', { rows: 2, spellcheck: 'false', class: 'cors-allowed-headers', placeholder: '*' });
  allowed.value = (rule.allowed_headers ?? []).join('\n');
  const exposed = h('textarea', { rows: 2, spellcheck: 'false', class: 'cors-expose-headers', placeholder: 'ETag' });
  exposed.value = (rule.expose_headers ?? []).join('\n');
  const maxAge = h('input', { type: 'number', min: 0, step: 1, value: rule.max_age_seconds ?? '', class: 'cors-max-age' });
  const methodsId = 'cors-methods-' + Math.random().toString(36).slice(2, 9);
  const removeButton = h('button', { type: 'button', class: 'small secondary cors-remove' }, 'Remove rule');

  const element = h('fieldset', { class: 'cors-rule' }, heading,
    field('Allowed origins (one per line)', origins, 'The pages\' origins, e.g. https://app.example.com; one * stands for any run of characters (https://*.example.com), * alone for any page.'),
    h('div', { class: 'field' }, h('label', { id: `${methodsId}-label` }, 'Allowed methods'),
      h('div', { class: 'cors-methods', role: 'group', 'aria-labelledby': `${methodsId}-label` },
        methods.map((box) => h('label', { class: 'check-field' }, box, ` ${box.value}`)))),
    field('Allowed headers (one per line)', allowed, 'Request headers a page may send, e.g. Content-Type or x-amz-* ; * for any. None: only the browser\'s simple headers.'),
    field('Exposed headers (one per line)', exposed, 'Response headers the page may read, e.g. ETag or x-amz-version-id.'),
    field('Max age (seconds)', maxAge, 'How long a browser may cache the answer to its preflight request; empty for the browser\'s default.'),
    field('ID', id, 'Optional; a name for the rule.'),
    h('div', { class: 'toolbar' }, removeButton));
  const editor = {
    element,
    number(n) {
      heading.textContent = `Rule ${n}`;
      element.dataset.rule = String(n);
    },
    focus() {
      origins.focus();
    },
    value() {
      return {
        id: id.value.trim() || null,
        allowed_origins: lines(origins.value),
        allowed_methods: methods.filter((b) => b.checked).map((b) => b.value),
        allowed_headers: lines(allowed.value),
        expose_headers: lines(exposed.value),
        max_age_seconds: maxAge.value === '' ? null : Number(maxAge.value),
      };
    },
  };
  removeButton.addEventListener('click', () => onRemove(editor));
  return editor;
}
