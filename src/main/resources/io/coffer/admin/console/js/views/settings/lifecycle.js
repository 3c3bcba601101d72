import { api, enc } from '../../api.js';
import { h, replace } from '../../dom.js';
import { showError, toast } from '../../notify.js';
import { ruleForm } from './lifecycle-rule.js';

/** The bucket's lifecycle section of the settings page (#/buckets/{bucket}/settings). */
export const ID = 'lifecycle';

/**
 * The bucket's lifecycle rules, edited as a whole and saved with one PUT (as S3 replaces a whole
 * configuration), and what the lifecycle worker's next run would do with them.
 */
export async function render(box, bucket) {
  const path = `/buckets/${enc(bucket)}/lifecycle`;
  const list = h('div', { id: 'lifecycle-rules' });
  const preview = h('div', { id: 'lifecycle-preview', 'aria-live': 'polite' });
  let forms = [];

  const remove = (element) => {
    forms = forms.filter((f) => f.element !== element);
    element.remove();
    showEmpty();
  };
  const empty = h('p', { class: 'hint', id: 'lifecycle-empty' }, 'No rules: nothing expires in this bucket.');
  const showEmpty = () => { empty.hidden = forms.length > 0; };
  const show = (rules) => {
    forms = rules.map((rule) => ruleForm(rule, remove));
    replace(list, empty, forms.map((f) => f.element));
    showEmpty();
  };

  const add = h('button', { type: 'button', class: 'secondary', id: 'lifecycle-add' }, 'Add rule');
  add.addEventListener('click', () => {
    const form = ruleForm({}, remove);
    forms.push(form);
    list.append(form.element);
    showEmpty();
    form.element.querySelector('input').focus();
  });

  const save = h('button', { type: 'button', class: 'primary', id: 'lifecycle-save' }, 'Save rules');
  save.addEventListener('click', async () => {
    save.disabled = true;
    try {
      const rules = forms.map((f) => f.toJson());
      if (rules.length === 0) {
        await api('DELETE', path);
        show([]);
        toast(`The lifecycle rules of ${bucket} were removed.`, 'success');
      } else {
        show((await api('PUT', path, { rules })).rules);
        toast(`The lifecycle rules of ${bucket} were saved.`, 'success');
      }
      await loadPreview();
    } catch (e) {
      showError(e);
    } finally {
      save.disabled = false;
    }
  });

  async function loadPreview() {
    let answer;
    try {
      answer = await api('GET', `${path}/preview`);
    } catch (e) {
      replace(preview, h('p', { class: 'hint' }, `The preview is not available: ${e.message}`));
      return;
    }
    replace(preview, forecast(answer.rules ?? []),
      answer.complete === false ? h('p', { class: 'hint', id: 'lifecycle-preview-partial' },
        'Counted over the first part of the bucket only: the next run may do more.') : null);
  }

  box.append(
    h('h2', { id: 'lifecycle-heading' }, 'Lifecycle rules'),
    h('p', { class: 'hint' }, 'What S3 lifecycle configurations do: expire objects, remove old versions and delete markers, abort forgotten uploads. Saved rules are applied by the lifecycle worker in the background.'),
    list,
    h('div', { class: 'toolbar' }, add, save),
    h('h3', {}, 'Next run'),
    preview);
  show((await api('GET', path)).rules);
  await loadPreview();
}

/** The preview's answer: per rule, what it would remove now and a few example keys. */
function forecast(rules) {
  if (rules.length === 0) return h('p', { class: 'hint' }, 'The next run will do nothing.');
  const count = (n) => h('td', { class: 'num' }, String(n));
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data', 'aria-label': 'What the next run will do' },
    h('thead', {}, h('tr', {},
      ['Rule', 'Objects', 'Noncurrent versions', 'Delete markers', 'Uploads', 'For example'].map((label) => h('th', { scope: 'col' }, label)))),
    h('tbody', {}, rules.map((rule) => h('tr', { dataset: { id: rule.rule_id } },
      h('td', {}, rule.rule_id), count(rule.objects), count(rule.versions), count(rule.delete_markers), count(rule.uploads),
      h('td', {}, (rule.example_keys ?? []).join(', ')))))));
}
