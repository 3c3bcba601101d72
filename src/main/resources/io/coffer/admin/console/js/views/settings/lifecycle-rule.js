import { field, h } from '../../dom.js';

/** The choices of a rule's Expiration: one of them at most, as S3 allows. */
const EXPIRATIONS = [
  ['none', 'Keep them'],
  ['days', 'Expire after days'],
  ['date', 'Expire from a date'],
  ['markers', 'Only remove expired delete markers'],
];

let counter = 0;

/**
 * The form of one lifecycle rule, filled from the API's JSON rule (or empty for a new one).
 * Returns {element, toJson()}; toJson throws an Error naming what is wrong with the input.
 */
export function ruleForm(rule = {}, onRemove = () => {}) {
  const n = ++counter;
  const input = (name, props = {}) =>
    h('input', { id: `lc-${n}-${name}`, dataset: { field: name }, autocomplete: 'off', spellcheck: 'false', ...props });
  const number = (name, value, min) => input(name, { type: 'number', min, step: 1, value: value ?? '' });
  const filter = rule.filter ?? {};
  const expiration = rule.expiration ?? {};
  const noncurrent = rule.noncurrent_expiration ?? {};

  const id = input('id', { value: rule.id ?? '', maxlength: 255, placeholder: 'generated when empty' });
  const enabled = input('enabled', { type: 'checkbox', checked: rule.enabled !== false });
  const prefix = input('prefix', { value: filter.prefix ?? '', placeholder: 'logs/' });
  const tags = h('textarea', { id: `lc-${n}-tags`, dataset: { field: 'tags' }, rows: 2, spellcheck: 'false', placeholder: 'class=debug' },
    Object.entries(filter.tags ?? {}).map(([k, v]) => `${k}=${v}`).join('\n'));
  const larger = number('size-greater-than', filter.size_greater_than, 0);
  const smaller = number('size-less-than', filter.size_less_than, 1);

  const kind = h('select', { id: `lc-${n}-expiration`, dataset: { field: 'expiration' } },
    EXPIRATIONS.map(([value, label]) => h('option', { value }, label)));
  kind.value = expiration.days != null ? 'days'
    : expiration.date != null ? 'date'
      : expiration.expired_object_delete_marker ? 'markers' : 'none';
  const days = number('expiration-days', expiration.days, 1);
  const date = input('expiration-date', { type: 'date', value: expiration.date ?? '' });
  const daysField = field('Days after creation', days);
  const dateField = field('From (midnight UTC)', date);
  const showChoice = () => {
    daysField.hidden = kind.value !== 'days';
    dateField.hidden = kind.value !== 'date';
  };
  kind.addEventListener('change', showChoice);
  showChoice();

  const noncurrentDays = number('noncurrent-days', noncurrent.noncurrent_days, 1);
  const keepNewer = number('newer-noncurrent-versions', noncurrent.newer_noncurrent_versions, 1);
  const abortDays = number('abort-days', rule.abort_incomplete_upload_days, 1);

  const element = h('fieldset', { class: 'card lifecycle-rule', dataset: { rule: rule.id ?? '' } },
    h('legend', {}, rule.id ? `Rule ${rule.id}` : 'New rule'),
    h('div', { class: 'field-grid' },
      field('ID', id),
      h('div', { class: 'field check-field' }, h('label', { for: enabled.id }, enabled, ' Enabled'))),
    h('h3', {}, 'Applies to'),
    h('div', { class: 'field-grid' },
      field('Key prefix', prefix, 'Empty: every key.'),
      field('Tags', tags, 'key=value, one per line; the object must have them all.'),
      field('Larger than (bytes)', larger),
      field('Smaller than (bytes)', smaller)),
    h('h3', {}, 'Actions'),
    h('div', { class: 'field-grid' },
      field('Current versions', kind), daysField, dateField),
    h('div', { class: 'field-grid' },
      field('Remove noncurrent versions after (days)', noncurrentDays, 'Counted from when a version stopped being the current one.'),
      field('…but keep the newest (versions)', keepNewer, 'Empty: keep none beyond the days.'),
      field('Abort incomplete multipart uploads after (days)', abortDays)),
    h('div', { class: 'toolbar' },
      h('button', { type: 'button', class: 'small secondary', dataset: { action: 'remove-rule' }, onclick: () => onRemove(element) }, 'Remove rule')));

  function toJson() {
    const json = { id: id.value.trim(), enabled: enabled.checked };
    const ruleFilter = {};
    if (prefix.value) ruleFilter.prefix = prefix.value;
    const tagMap = parseTags(tags.value);
    if (Object.keys(tagMap).length) ruleFilter.tags = tagMap;
    if (larger.value !== '') ruleFilter.size_greater_than = integer(larger, 'Larger than');
    if (smaller.value !== '') ruleFilter.size_less_than = integer(smaller, 'Smaller than');
    if (Object.keys(ruleFilter).length) json.filter = ruleFilter;
    if (kind.value === 'days') json.expiration = { days: integer(days, 'Days after creation') };
    if (kind.value === 'date') {
      if (!date.value) throw new Error('Choose the date from which current versions expire.');
      json.expiration = { date: date.value };
    }
    if (kind.value === 'markers') json.expiration = { expired_object_delete_marker: true };
    if (noncurrentDays.value !== '') {
      json.noncurrent_expiration = { noncurrent_days: integer(noncurrentDays, 'Noncurrent days') };
      if (keepNewer.value !== '') json.noncurrent_expiration.newer_noncurrent_versions = integer(keepNewer, 'Keep the newest');
    } else if (keepNewer.value !== '') {
      throw new Error('Keeping the newest noncurrent versions needs the days after which the others go.');
    }
    if (abortDays.value !== '') json.abort_incomplete_upload_days = integer(abortDays, 'Abort uploads after');
    return json;
  }

  return { element, toJson };
}

function integer(control, label) {
  const value = Number(control.value);
  if (!Number.isSafeInteger(value)) throw new Error(`${label} must be a whole number.`);
  return value;
}

/** "key=value" lines to a map; a line without "=" is an error, a repeated key too. */
function parseTags(text) {
  const tags = {};
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`Tags are key=value, one per line: "${line}" is not.`);
    const key = line.slice(0, eq).trim();
    if (key in tags) throw new Error(`The tag ${key} is given twice.`);
    tags[key] = line.slice(eq + 1).trim();
  }
  return tags;
}
