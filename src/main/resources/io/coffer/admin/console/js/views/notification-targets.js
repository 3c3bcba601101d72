import { api, enc } from '../api.js';
import { confirmAction, openDialog } from '../dialog.js';
import { field, h, replace } from '../dom.js';
import { count, dateTime } from '../format.js';
import { toast } from '../notify.js';
import { filterBox, sortableTable } from '../table.js';

/**
 * Notification targets: where bucket events are delivered (webhooks and message brokers). Listed
 * with how delivery is going; created per type; deleted when no bucket's rules name them. The
 * server never returns secrets, so none is ever shown here after it was typed.
 */

/**
 * The fields of each type's configuration, as the API takes them (docs/notifications.md).
 * kind: text (default), secret (a password input, never shown again), number, check, or a list of
 * options for a select. Empty optional fields are left out, so the server's defaults apply.
 */
export const TYPES = {
  webhook: [
    { name: 'endpoint', label: 'Endpoint URL', required: true, placeholder: 'http://127.0.0.1:8080/s3-events' },
    { name: 'auth_token', label: 'Bearer token', kind: 'secret', hint: 'Sent as Authorization: Bearer <token>.' },
    { name: 'hmac_secret', label: 'HMAC secret', kind: 'secret', hint: 'Signs each body: X-Coffer-Signature: sha256=<hex HMAC-SHA256>.' },
  ],
  nats: [
    { name: 'url', label: 'Server URL', required: true, placeholder: 'nats://127.0.0.1:4222' },
    { name: 'subject', label: 'Subject', required: true, placeholder: 'bucket-events' },
    { name: 'jetstream', label: 'Publish to JetStream (with acknowledgement)', kind: 'check' },
  ],
  amqp: [
    { name: 'url', label: 'Broker URL', required: true, placeholder: 'amqp://user:password@127.0.0.1:5672', hint: 'A password in the URL is kept secret.' },
    { name: 'exchange', label: 'Exchange', required: true, placeholder: 'bucket-events' },
    { name: 'exchange_type', label: 'Exchange type', kind: ['direct', 'fanout', 'topic', 'headers'] },
    { name: 'routing_key', label: 'Routing key' },
  ],
  mqtt: [
    { name: 'broker', label: 'Broker URL', required: true, placeholder: 'tcp://127.0.0.1:1883' },
    { name: 'topic', label: 'Topic', required: true, placeholder: 'coffer/events' },
    { name: 'qos', label: 'QoS', kind: ['1', '0', '2'], number: true },
  ],
  redis: [
    { name: 'url', label: 'Redis URL', required: true, placeholder: 'redis://127.0.0.1:6379' },
    { name: 'key', label: 'Key', required: true, placeholder: 'bucket-events' },
    { name: 'format', label: 'Format', kind: ['list', 'stream'], hint: 'list: RPUSH; stream: XADD.' },
  ],
  postgresql: [
    { name: 'url', label: 'Database URL', required: true, placeholder: 'postgresql://user:password@127.0.0.1:5432/db' },
    { name: 'table', label: 'Table', required: true, placeholder: 'bucket_events', hint: 'Created if missing.' },
  ],
  kafka: [
    { name: 'brokers', label: 'Bootstrap brokers', required: true, placeholder: '127.0.0.1:9092' },
    { name: 'topic', label: 'Topic', required: true, placeholder: 'bucket-events' },
  ],
};

const STATES = { online: 'ok', offline: 'off', idle: 'muted', standby: 'muted' };

function statusCell(t) {
  const s = t.status;
  const parts = [h('span', { class: `badge ${STATES[s.state] ?? 'muted'}`, title: s.last_error ?? '' }, s.state)];
  parts.push(` ${count(s.queued)} queued`);
  if (s.dropped > 0) parts.push(h('span', { class: 'badge off' }, `${count(s.dropped)} dropped`));
  if (s.state === 'offline' && s.last_error) parts.push(h('div', { class: 'hint target-error' }, s.last_error));
  return h('div', { class: 'target-status' }, parts);
}

export async function render(main) {
  const table = sortableTable({
    label: 'Notification targets',
    empty: 'No notification targets yet. Create one, then name its ARN in a bucket\'s notification rules.',
    filter: (t) => `${t.id} ${t.type} ${t.arn}`,
    rowId: (t) => t.id,
    columns: [
      { label: 'ID', value: (t) => t.id, cell: (t) => h('code', {}, t.id) },
      { label: 'Type', value: (t) => t.type, cell: (t) => t.type },
      { label: 'ARN', value: (t) => t.arn, cell: (t) => h('code', { class: 'target-arn' }, t.arn) },
      { label: 'Status', value: (t) => t.status.state, cell: statusCell },
      { label: 'Buckets', value: (t) => t.buckets.length, cell: (t) => (t.buckets.length ? t.buckets.join(', ') : h('span', { class: 'hint' }, 'none')) },
      { label: 'Created', value: (t) => t.created_at, cell: (t) => dateTime(t.created_at) },
      { label: 'Actions', sortable: false, cell: (t) => h('div', { class: 'actions' },
        h('button', {
          type: 'button', class: 'small danger', 'aria-label': `Delete target ${t.id}`,
          onclick: () => remove(t, reload),
        }, 'Delete')) },
    ],
  });

  async function reload() {
    table.setRows((await api('GET', '/notification-targets')).targets);
  }

  main.append(
    h('div', { class: 'page-head' }, h('h1', {}, 'Notification targets'),
      h('div', { class: 'toolbar' }, filterBox(table, 'Filter targets'),
        h('button', { type: 'button', class: 'primary', id: 'create-target', onclick: () => create(reload) }, 'Create target'))),
    h('p', { class: 'hint' },
      'Bucket events (uploads, deletions, tag changes, expirations) are queued durably with the change they report and delivered at least once, in order per key, in the AWS S3 event format. ',
      'A bucket sends events to a target once its notification rules (bucket settings, or PutBucketNotificationConfiguration) name the target\'s ARN. Secrets are stored but never shown again.'),
    table.element);
  await reload();
}

/** The input of one configuration field. */
function input(spec) {
  const id = `target-${spec.name}`;
  if (spec.kind === 'check') return h('input', { type: 'checkbox', id });
  if (Array.isArray(spec.kind)) return h('select', { id }, spec.kind.map((o) => h('option', { value: o }, o)));
  return h('input', {
    id, type: spec.kind === 'secret' ? 'password' : 'text', autocomplete: spec.kind === 'secret' ? 'new-password' : 'off',
    spellcheck: 'false', placeholder: spec.placeholder,
  });
}

function create(reload) {
  const id = h('input', { id: 'target-id', autocomplete: 'off', spellcheck: 'false', maxlength: 64, pattern: '[A-Za-z0-9_-]+' });
  const type = h('select', { id: 'target-type' }, Object.keys(TYPES).map((t) => h('option', { value: t }, t)));
  const fields = h('div', { id: 'target-fields' });
  let inputs = [];
  function showFields() {
    inputs = TYPES[type.value].map((spec) => ({ spec, control: input(spec) }));
    replace(fields, inputs.map(({ spec, control }) => (spec.kind === 'check'
      ? h('div', { class: 'field' }, h('label', { class: 'check-field' }, control, ` ${spec.label}`))
      : field(spec.required ? spec.label : `${spec.label} (optional)`, control, spec.hint))));
  }
  type.addEventListener('change', showFields);
  showFields();
  openDialog({
    title: 'Create notification target',
    content: [field('ID', id, 'Letters, digits, - and _; part of the target\'s ARN.'), field('Type', type), fields],
    actions: [{
      label: 'Create', kind: 'primary', run: async () => {
        const name = id.value.trim();
        if (!name) throw new Error('Enter an ID.');
        const config = {};
        for (const { spec, control } of inputs) {
          if (spec.kind === 'check') {
            if (control.checked) config[spec.name] = true;
            continue;
          }
          const value = control.value.trim();
          if (!value) {
            if (spec.required) throw new Error(`Enter the ${spec.label.toLowerCase()}.`);
            continue;
          }
          config[spec.name] = spec.number ? Number(value) : value;
        }
        const created = await api('POST', '/notification-targets', { id: name, type: type.value, config });
        toast(`Notification target ${name} created: ${created.arn}`, 'success');
        await reload();
      },
    }],
  });
  id.focus();
}

function remove(t, reload) {
  confirmAction({
    title: 'Delete notification target',
    message: `Delete the target "${t.id}" and the ${count(t.status.queued)} events queued for it? A target named by a bucket's notification rules cannot be deleted.`,
    confirmLabel: 'Delete target',
    run: async () => {
      await api('DELETE', `/notification-targets/${enc(t.id)}`);
      toast(`Notification target ${t.id} deleted.`, 'success');
      await reload();
    },
  });
}
