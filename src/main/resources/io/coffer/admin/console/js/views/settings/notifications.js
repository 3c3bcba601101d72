import { api, enc } from '../../api.js';
import { field, h, replace } from '../../dom.js';
import { showError, toast } from '../../notify.js';

/** The bucket's event notification section of the settings page (#/buckets/{bucket}/settings). */
export const ID = 'notification';

/** The event types a rule may name (AWS's names; a family with * stands for all of its types). */
const EVENTS = [
  's3:ObjectCreated:*', 's3:ObjectCreated:Put', 's3:ObjectCreated:Post', 's3:ObjectCreated:Copy',
  's3:ObjectCreated:CompleteMultipartUpload',
  's3:ObjectRemoved:*', 's3:ObjectRemoved:Delete', 's3:ObjectRemoved:DeleteMarkerCreated',
  's3:ObjectTagging:*', 's3:ObjectTagging:Put', 's3:ObjectTagging:Delete',
  's3:LifecycleExpiration:*', 's3:LifecycleExpiration:Delete', 's3:LifecycleExpiration:DeleteMarkerCreated',
];

/**
 * The rule editor: which events on which keys go to which target. The same rules as S3's
 * PutBucketNotificationConfiguration, checked by the server the same way; saving no rules removes
 * them.
 */
export async function render(box, bucket) {
  const path = `/buckets/${enc(bucket)}/notification`;
  const list = h('div', { class: 'notification-rules', id: 'notification-rules' });
  const empty = h('p', { class: 'hint', id: 'notification-empty' }, 'No notification rules: this bucket sends no events.');
  const [answer, targets] = await Promise.all([api('GET', path), api('GET', '/notification-targets')]);
  const arns = targets.targets.map((t) => t.arn);
  let editors = [];

  function show(rules) {
    editors = rules.map((rule) => ruleEditor(rule, arns, remove));
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

  const add = h('button', { type: 'button', class: 'secondary', id: 'notification-add-rule', disabled: arns.length === 0 }, 'Add rule');
  add.addEventListener('click', () => {
    const editor = ruleEditor({ target_arn: arns[0], events: ['s3:ObjectCreated:*'] }, arns, remove);
    editors.push(editor);
    list.append(editor.element);
    renumber();
    editor.focus();
  });

  const save = h('button', { type: 'button', class: 'primary', id: 'notification-save' }, 'Save notification rules');
  save.addEventListener('click', async () => {
    save.disabled = true;
    try {
      const saved = await api('PUT', path, { rules: editors.map((e) => e.value()) });
      toast(saved.rules.length
        ? `The notification rules of ${bucket} were saved; each target named was sent a test event.`
        : `The notification rules of ${bucket} were removed.`, 'success');
      show(saved.rules);
    } catch (e) {
      showError(e);
    } finally {
      save.disabled = false;
    }
  });

  replace(box,
    h('h2', { id: 'notification-heading' }, 'Event notifications'),
    h('p', { class: 'hint' },
      'Events of the chosen types on keys with the prefix and suffix go to the target, in the AWS S3 event format. ',
      'Two rules for overlapping events and keys may not name the same target. ',
      arns.length ? '' : h('span', { id: 'notification-no-targets' }, 'Create a target first, on the ', h('a', { href: '#/notification-targets' }, 'notification targets'), ' page.')),
    empty, list,
    h('div', { class: 'toolbar' }, add, save));
  show(answer.rules);
}

/** The fields of one rule; value() is the rule as the API takes it. */
function ruleEditor(rule, arns, onRemove) {
  const heading = h('legend', {});
  const choices = arns.includes(rule.target_arn) ? arns : [rule.target_arn, ...arns];
  const target = h('select', { class: 'notification-target' },
    choices.map((arn) => h('option', { value: arn, selected: arn === rule.target_arn }, arn)));
  const known = [...EVENTS, ...(rule.events ?? []).filter((e) => !EVENTS.includes(e))];
  const events = known.map((e) => h('input', { type: 'checkbox', value: e, checked: (rule.events ?? []).includes(e), class: 'notification-event' }));
  const prefix = h('input', { value: rule.prefix ?? '', autocomplete: 'off', spellcheck: 'false', class: 'notification-prefix', placeholder: 'uploads/' });
  const suffix = h('input', { value: rule.suffix ?? '', autocomplete: 'off', spellcheck: 'false', class: 'notification-suffix', placeholder: '.jpg' });
  const id = h('input', { value: rule.id ?? '', autocomplete: 'off', spellcheck: 'false', maxlength: 255, class: 'notification-id' });
  const eventsId = 'notification-events-' + Math.random().toString(36).slice(2, 9);
  const removeButton = h('button', { type: 'button', class: 'small secondary notification-remove' }, 'Remove rule');

  const element = h('fieldset', { class: 'notification-rule' }, heading,
    field('Target', target, 'The target\'s ARN, arn:coffer:sqs::<id>:<type>.'),
    h('div', { class: 'field' }, h('label', { id: `${eventsId}-label` }, 'Events'),
      h('div', { class: 'notification-events', role: 'group', 'aria-labelledby': `${eventsId}-label` },
        events.map((box) => h('label', { class: 'check-field' }, box, ` ${box.value}`)))),
    field('Key prefix', prefix, 'Optional, e.g. uploads/.'),
    field('Key suffix', suffix, 'Optional, e.g. .jpg.'),
    field('ID', id, 'Optional; events carry it as s3.configurationId. Generated when empty.'),
    h('div', { class: 'toolbar' }, removeButton));
  const editor = {
    element,
    number(n) {
      heading.textContent = `Rule ${n}`;
      element.dataset.rule = String(n);
    },
    focus() {
      target.focus();
    },
    value() {
      return {
        id: id.value.trim() || null,
        kind: rule.kind ?? 'queue',
        target_arn: target.value,
        events: events.filter((b) => b.checked).map((b) => b.value),
        prefix: prefix.value,
        suffix: suffix.value,
      };
    },
  };
  removeButton.addEventListener('click', () => onRemove(editor));
  return editor;
}
