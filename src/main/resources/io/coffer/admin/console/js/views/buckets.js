import { api, enc } from '../api.js';
import { bucketNameProblem } from '../bucket-names.js';
import { confirmAction, openDialog } from '../dialog.js';
import { field, h } from '../dom.js';
import { count, dateTime } from '../format.js';
import { showError, toast } from '../notify.js';
import { filterBox, sortableTable } from '../table.js';
import { session } from '../session.js';

/** Every bucket with its size and owner; create and delete (the administrator's actions). */
export async function render(main) {
  const admin = session.isAdmin();
  const table = sortableTable({
    label: 'Buckets',
    empty: 'No buckets yet. Create one to start storing objects.',
    filter: (b) => `${b.name} ${b.owner} ${b.region}`,
    rowId: (b) => b.name,
    columns: [
      { label: 'Name', value: (b) => b.name, cell: (b) => h('a', { href: `#/buckets/${enc(b.name)}` }, b.name) },
      { label: 'Owner', value: (b) => b.owner ?? '', cell: (b) => b.owner ?? '' },
      { label: 'Region', value: (b) => b.region, cell: (b) => b.region },
      { label: 'Objects', numeric: true, value: (b) => b.object_count, cell: (b) => count(b.object_count) },
      { label: 'Size', numeric: true, value: (b) => b.total_size, cell: (b) => b.total_size_human },
      { label: 'Versioning', value: (b) => b.versioning ?? '', cell: (b) => versioningBadges(b) },
      { label: 'Created', value: (b) => b.created_at, cell: (b) => h('time', { datetime: b.created_at }, dateTime(b.created_at)) },
      { label: 'Actions', sortable: false, cell: (b) => !admin ? [] : [versioningButton(b, reload), h('button', {
        type: 'button', class: 'danger small', 'aria-label': `Delete bucket ${b.name}`,
        onclick: () => deleteBucket(b, reload) }, 'Delete')] },
    ],
  });

  async function reload() {
    table.setRows((await api('GET', '/buckets')).buckets);
  }

  main.append(
    h('div', { class: 'page-head' }, h('h1', {}, 'Buckets'),
      h('div', { class: 'toolbar' }, filterBox(table, 'Filter buckets'),
        admin ? h('button', { type: 'button', class: 'primary', id: 'create-bucket', onclick: () => createBucket(reload) }, 'Create bucket') : null)),
    table.element);
  await reload();
}

/** The bucket's versioning state and, when it has one, its object lock. */
export function versioningBadges(b) {
  return h('span', { class: 'badges' },
    h('span', { class: `badge ${b.versioning === 'Enabled' ? 'ok' : b.versioning === 'Suspended' ? 'suspended' : 'muted'}`, dataset: { versioning: b.versioning ?? 'Off' } },
      b.versioning ?? 'Off'),
    b.object_lock ? h('span', { class: 'badge lock', title: 'Object lock is enabled: versioning stays on' }, 'Object lock') : null);
}

/**
 * Enables versioning, or suspends it when enabled. A bucket with object lock stays enabled, so it
 * has no button.
 */
export function versioningButton(b, after) {
  if (b.object_lock) return null;
  const enable = b.versioning !== 'Enabled';
  const label = enable ? 'Enable versioning' : 'Suspend versioning';
  return h('button', {
    type: 'button', class: 'small secondary', 'aria-label': `${label} of ${b.name}`,
    onclick: async (e) => {
      const button = e.currentTarget;
      button.disabled = true;
      try {
        await api('PUT', `/buckets/${enc(b.name)}/versioning`, { status: enable ? 'Enabled' : 'Suspended' });
        toast(`Versioning of ${b.name} ${enable ? 'enabled' : 'suspended'}.`, 'success');
        await after();
      } catch (err) {
        showError(err);
        button.disabled = false;
      }
    } }, label);
}

async function createBucket(reload) {
  let credentials;
  try {
    credentials = (await api('GET', '/credentials')).credentials;
  } catch (e) {
    showError(e);
    return;
  }
  const name = h('input', { id: 'bucket-name', required: true, autocomplete: 'off', spellcheck: 'false', maxlength: 63 });
  const problem = h('p', { class: 'hint', id: 'bucket-name-problem', 'aria-live': 'polite' }, 'Lower-case letters, digits, dots and hyphens; 3 to 63 characters.');
  name.setAttribute('aria-describedby', problem.id);
  name.addEventListener('input', () => {
    const p = name.value ? bucketNameProblem(name.value) : null;
    problem.textContent = p ?? (name.value ? 'This name is valid.' : problem.textContent);
    problem.className = p ? 'hint invalid' : 'hint valid';
    name.setAttribute('aria-invalid', p ? 'true' : 'false');
  });
  const owner = h('select', { id: 'bucket-owner' },
    credentials.map((c) => h('option', { value: c.id }, `${c.user_name ?? '(no name)'} — ${c.access_key}${c.is_active ? '' : ' (inactive)'}`)));
  const lock = h('input', { type: 'checkbox', id: 'bucket-object-lock' });
  openDialog({
    title: 'Create bucket',
    // No region to choose: a bucket lives in the server's region (its --region), the only one
    // clients that ask for a bucket's location can reach it in.
    content: [h('div', { class: 'field' }, h('label', { for: 'bucket-name' }, 'Name'), name, problem),
      field('Owner', owner),
      h('div', { class: 'field check-field' }, h('label', { for: 'bucket-object-lock' }, lock, ' Object lock'),
        h('p', { class: 'hint' }, 'Versions can be protected by retention and legal holds. Versioning is enabled for good.')),
      h('p', { class: 'hint', id: 'bucket-region-note' }, 'The bucket is created in the server\'s region.')],
    actions: [{
      label: 'Create', kind: 'primary', run: async () => {
        const p = bucketNameProblem(name.value);
        if (p) throw new Error(p);
        if (!owner.value) throw new Error('Create a credential first: every bucket has an owner.');
        const created = await api('POST', '/buckets', { name: name.value, owner_id: Number(owner.value), object_lock: lock.checked });
        toast(`Bucket ${created.name} created.`, 'success');
        await reload();
      },
    }],
  });
  name.focus();
}

function deleteBucket(bucket, reload) {
  confirmAction({
    title: 'Delete bucket',
    message: `Delete the bucket "${bucket.name}"? Only an empty bucket can be deleted.`,
    confirmLabel: 'Delete bucket',
    run: async () => {
      await api('DELETE', `/buckets/${enc(bucket.name)}`);
      toast(`Bucket ${bucket.name} deleted.`, 'success');
      await reload();
    },
  });
}
