import { api, enc } from '../../api.js';
import { field, h, replace } from '../../dom.js';
import { bytes, count } from '../../format.js';
import { showError, toast } from '../../notify.js';

/** The bucket's quota section of the settings page (#/buckets/{bucket}/settings). */
export const ID = 'quota';

/** Units the quota is entered in: binary, named as sizes are shown everywhere (1 KiB = 1024 B). */
const UNITS = [['MiB', 1024 ** 2], ['GiB', 1024 ** 3], ['TiB', 1024 ** 4], ['KiB', 1024], ['B', 1]];

/** The largest unit that expresses the quota exactly, so that editing shows what was set. */
function exactUnit(quota) {
  return UNITS.filter(([, size]) => quota % size === 0).sort((a, b) => b[1] - a[1])[0];
}

/** Usage and quota: objects, stored bytes (every version), the quota and how full it is. */
function usage(answer) {
  const quota = answer.quota_bytes;
  const rows = [
    ['Objects', count(answer.object_count)],
    ['Stored', `${bytes(answer.total_size)} (${count(answer.total_size)} bytes, every version)`],
    ['Quota', quota === null ? 'None' : `${bytes(quota)} (${count(quota)} bytes)`],
  ];
  const list = h('dl', { class: 'details', id: 'quota-usage' },
    rows.map(([name, value]) => [h('dt', {}, name), h('dd', {}, value)]));
  if (quota === null) return list;
  const percent = quota === 0 ? 100 : Math.min(100, (answer.total_size / quota) * 100);
  const bar = h('meter', {
    id: 'quota-meter', min: 0, max: quota, value: Math.min(answer.total_size, quota),
    low: quota * 0.8, high: quota * 0.95, optimum: 0,
    'aria-label': `Quota used: ${percent.toFixed(1)} percent`,
  });
  return [list, h('p', { class: 'quota-bar' }, bar, ` ${percent.toFixed(1)} % of the quota used`)];
}

export async function render(box, bucket) {
  const path = `/buckets/${enc(bucket)}/quota`;
  const usageBox = h('div');
  const amount = h('input', { type: 'number', id: 'quota-amount', min: 0, step: 'any', inputmode: 'decimal' });
  const unit = h('select', { id: 'quota-unit' },
    UNITS.map(([name, size]) => h('option', { value: String(size) }, name)));
  const save = h('button', { type: 'button', class: 'primary', id: 'save-quota' }, 'Save quota');
  const remove = h('button', { type: 'button', class: 'secondary', id: 'remove-quota' }, 'Remove quota');

  function show(answer) {
    replace(usageBox, usage(answer));
    remove.disabled = answer.quota_bytes === null;
    if (answer.quota_bytes !== null) {
      const [, size] = exactUnit(answer.quota_bytes);
      unit.value = String(size);
      amount.value = String(answer.quota_bytes / size);
    }
  }

  async function put(quotaBytes, message) {
    save.disabled = true;
    try {
      show(await api('PUT', path, { quota_bytes: quotaBytes }));
      toast(message, 'success');
    } catch (e) {
      showError(e);
    } finally {
      save.disabled = false;
    }
  }

  save.addEventListener('click', () => {
    const value = Number(amount.value);
    if (amount.value.trim() === '' || !Number.isFinite(value) || value < 0) {
      showError(new Error('The quota is a size of 0 or more.'));
      return;
    }
    const quotaBytes = Math.round(value * Number(unit.value));
    put(quotaBytes, `The quota of ${bucket} is now ${bytes(quotaBytes)}.`);
  });
  remove.addEventListener('click', () => put(null, `${bucket} has no quota now.`));

  box.append(
    h('h2', {}, 'Quota and usage'),
    h('p', { class: 'hint' },
      'A write (upload, copy, multipart part or completion, form upload) that would take the bucket\'s stored bytes past the quota is refused with QuotaExceeded before anything is stored. Every version counts.'),
    usageBox,
    h('div', { class: 'toolbar' }, field('Quota', amount), field('Unit', unit), save, remove));
  show(await api('GET', path));
}
