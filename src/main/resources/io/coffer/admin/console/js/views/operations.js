import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { bytes, count, dateTime } from '../format.js';
import { showError } from '../notify.js';
import { sortableTable } from '../table.js';

// The history's slots are ten seconds long; refreshing twice as often keeps the current one live.
const REFRESH_MS = 5000;
// Operations drawn as their own line; the rest are summed as "Other".
const TOP_OPERATIONS = 6;
const COLORS = ['#1f6feb', '#f0883e', '#1a7f37', '#8250df', '#bf3989', '#0a7ea4', '#6e7781'];

/** Server information and live charts of the last hour of S3 requests, refreshed in place. */
export async function render(main) {
  const updated = h('p', { class: 'hint', id: 'operations-updated', 'aria-live': 'polite' });
  const diskWarning = h('p', { class: 'warning', id: 'disk-warning', role: 'alert', hidden: true });
  const info = h('dl', { class: 'details', id: 'server-info' });
  const canvases = {
    requests: chartCanvas('ops-requests', 'Requests per second by operation'),
    errors: chartCanvas('ops-errors', 'Errors per second'),
    bytes: chartCanvas('ops-bytes', 'Bytes per second received and sent'),
    latency: chartCanvas('ops-latency', 'Latency percentiles in milliseconds'),
  };
  const totals = sortableTable({
    label: 'Requests by operation in the last hour',
    empty: 'No S3 request in the last hour.',
    filter: (r) => r.operation,
    rowId: (r) => r.operation,
    columns: [
      { label: 'Operation', value: (r) => r.operation, cell: (r) => r.operation },
      { label: 'Requests', numeric: true, value: (r) => r.requests, cell: (r) => count(r.requests) },
    ],
  });
  main.append(
    h('div', { class: 'page-head' }, h('h1', {}, 'Operations'), updated),
    h('section', { class: 'card section', 'aria-labelledby': 'server-heading' },
      h('h2', { id: 'server-heading' }, 'Server'), diskWarning, info),
    h('h2', {}, 'S3 requests in the last hour'),
    h('div', { class: 'ops-charts' },
      chartCard('Requests per second', canvases.requests),
      chartCard('Errors per second', canvases.errors),
      chartCard('Bytes per second', canvases.bytes),
      chartCard('Latency (ms)', canvases.latency)),
    h('section', { class: 'section' }, h('h2', {}, 'Requests by operation'), totals.element));

  const charts = {};
  let failing = false;

  async function refresh() {
    const [server, history] = await Promise.all([api('GET', '/server'), api('GET', '/server/history')]);
    showServer(info, diskWarning, server);
    const ops = operationTotals(history.slots);
    totals.setRows(ops);
    draw(charts, canvases, history.slots, ops.slice(0, TOP_OPERATIONS).map((o) => o.operation));
    updated.textContent = `Updated ${new Date().toLocaleTimeString()}; refreshes every ${REFRESH_MS / 1000} s.`;
    failing = false;
  }

  await refresh();
  const timer = setInterval(() => refresh().catch((e) => {
    if (!failing) showError(e);
    failing = true;
  }), REFRESH_MS);
  return () => {
    clearInterval(timer);
    Object.values(charts).forEach((c) => c.destroy());
  };
}

function chartCanvas(id, label) {
  return h('canvas', { id, role: 'img', 'aria-label': label });
}

function chartCard(title, canvas) {
  return h('section', { class: 'card chart-card' }, h('h3', {}, title), h('div', { class: 'chart-box' }, canvas));
}

function showServer(info, diskWarning, s) {
  const freeShare = `${s.disk_free_percent.toFixed(1)} %`;
  const meter = h('meter', { class: 'disk-meter', min: 0, max: s.disk_total_bytes,
    value: s.disk_total_bytes - s.disk_free_bytes, 'aria-label': 'Disk used' });
  const rows = [
    ['version', 'Version', s.version],
    ['started_at', 'Started', `${dateTime(s.started_at)} (up ${duration(s.uptime_seconds)})`],
    ['data_dir', 'Data directory', s.data_dir],
    ['disk', 'Disk', [meter, ` ${bytes(s.disk_free_bytes)} free of ${bytes(s.disk_total_bytes)} (${freeShare})`]],
    ['metadata', 'Metadata', `${s.metadata_store === 'postgresql' ? 'PostgreSQL' : 'SQLite'}, ${bytes(s.metadata_size_bytes)}`],
    ['region', 'Region', s.region],
    ['s3', 'S3 API', `${s.s3_address} (clients use ${s.s3_endpoint})`],
    ['console', 'Console', s.console_address],
    ['tls', 'TLS', s.tls ? `On (${s.tls_engine})` : 'Off'],
    ['node_id', 'Node', s.node_id],
  ];
  replace(info, rows.map(([key, label, value]) => [h('dt', {}, label), h('dd', { dataset: { info: key } }, value)]));
  diskWarning.hidden = !s.disk_warning;
  diskWarning.textContent = s.disk_warning
    ? `Low disk space: only ${freeShare} of the data directory's file system is free (the warning is set at ${s.disk_free_warning_percent} %, --disk-free-warning-percent).`
    : '';
}

/** "3 d 4 h", "2 h 5 min", "42 s": the two largest units of a duration. */
function duration(seconds) {
  const units = [['d', 86400], ['h', 3600], ['min', 60], ['s', 1]];
  const parts = [];
  let rest = Math.max(0, Math.floor(seconds));
  for (const [name, size] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 || (parts.length === 0 && size === 1)) parts.push(`${n} ${name}`);
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}

/** A tick value without binary-fraction noise (0.30000000000000004 → 0.3). */
function round(v) {
  return Number(Number(v).toFixed(3));
}

/** The hour's requests per operation, most first. */
function operationTotals(slots) {
  const sums = new Map();
  for (const slot of slots) {
    for (const [op, n] of Object.entries(slot.by_operation)) sums.set(op, (sums.get(op) ?? 0) + n);
  }
  return [...sums].map(([operation, requests]) => ({ operation, requests }))
    .sort((a, b) => b.requests - a.requests || a.operation.localeCompare(b.operation));
}

function draw(charts, canvases, slots, top) {
  if (!window.Chart) return;
  const labels = slots.map((s) => new Date(s.start).toLocaleTimeString());
  const rate = (value) => slots.map((s) => value(s) / s.seconds);
  const byOperation = top.map((op) => ({ label: op, data: rate((s) => s.by_operation[op] ?? 0) }));
  const other = rate((s) => Object.entries(s.by_operation)
    .filter(([op]) => !top.includes(op)).reduce((sum, [, n]) => sum + n, 0));
  if (other.some((v) => v > 0)) byOperation.push({ label: 'Other', data: other });
  update(charts, 'requests', canvases.requests, labels, byOperation, { ticks: (v) => `${round(v)}/s` });
  update(charts, 'errors', canvases.errors, labels, [
    { label: '4xx', data: rate((s) => s.errors_4xx) },
    { label: '5xx', data: rate((s) => s.errors_5xx) },
  ], { ticks: (v) => `${round(v)}/s` });
  update(charts, 'bytes', canvases.bytes, labels, [
    { label: 'Received', data: rate((s) => s.bytes_in) },
    { label: 'Sent', data: rate((s) => s.bytes_out) },
  ], { ticks: (v) => `${bytes(v)}/s`, tooltip: (v) => `${bytes(v)}/s` });
  update(charts, 'latency', canvases.latency, labels, [
    { label: 'p50', data: slots.map((s) => s.latency_p50_ms) },
    { label: 'p90', data: slots.map((s) => s.latency_p90_ms) },
    { label: 'p99', data: slots.map((s) => s.latency_p99_ms) },
  ], { ticks: (v) => `${round(v)} ms` });
}

/** Draws a line chart, or changes the one already drawn in place (no flicker, no animation). */
function update(charts, name, canvas, labels, series, { ticks, tooltip }) {
  const datasets = series.map((s, i) => ({
    label: s.label, data: s.data, borderColor: COLORS[i % COLORS.length], backgroundColor: COLORS[i % COLORS.length],
    borderWidth: 1.5, pointRadius: 0, spanGaps: false,
  }));
  const chart = charts[name];
  if (chart) {
    chart.data.labels = labels;
    chart.data.datasets = datasets;
    chart.update('none');
    return;
  }
  charts[name] = new window.Chart(canvas, {
    type: 'line',
    data: { labels, datasets },
    options: {
      animation: false,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { ticks: { maxTicksLimit: 7, maxRotation: 0 } },
        y: { beginAtZero: true, ticks: { callback: ticks } },
      },
      plugins: tooltip
        ? { tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${tooltip(c.raw)}` } } }
        : {},
    },
  });
}
