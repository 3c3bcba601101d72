import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { axisBytes, byteAxis, bytes, count } from '../format.js';
import { showError } from '../notify.js';

const REFRESH_MS = 5000;
const CHART_BUCKETS = 20;

const CARDS = [
  ['objects', 'Objects', (s) => count(s.objects)],
  ['total_storage', 'Storage used', (s) => bytes(s.total_storage)],
  ['buckets', 'Buckets', (s) => count(s.buckets)],
  ['credentials', 'Credentials', (s) => count(s.credentials)],
  ['active_multipart_uploads', 'Multipart uploads in progress', (s) => count(s.active_multipart_uploads)],
  ['active_presigned_urls', 'Active presigned URLs', (s) => count(s.active_presigned_urls)],
];

/** The stats as cards and a per-bucket chart, refreshed in place every few seconds. */
export async function render(main) {
  const cards = h('div', { class: 'cards', id: 'stat-cards' });
  const updated = h('p', { class: 'hint', id: 'dashboard-updated', 'aria-live': 'polite' });
  const canvas = h('canvas', { id: 'bucket-chart', role: 'img', 'aria-label': 'Storage and object count per bucket' });
  const chartNote = h('p', { class: 'hint' });
  main.append(
    h('div', { class: 'page-head' }, h('h1', {}, 'Dashboard'), updated),
    cards,
    h('section', { class: 'card chart-card' }, h('h2', {}, 'Storage and objects per bucket'),
      h('div', { class: 'chart-box' }, canvas), chartNote));

  let chart = null;
  let failing = false;

  async function refresh() {
    const [stats, list] = await Promise.all([api('GET', '/stats'), api('GET', '/buckets')]);
    replace(cards, CARDS.map(([key, label, value]) =>
      h('div', { class: 'card stat', dataset: { stat: key } },
        h('span', { class: 'stat-label' }, label), h('span', { class: 'stat-value' }, value(stats)))));
    const top = [...list.buckets].sort((a, b) => b.total_size - a.total_size).slice(0, CHART_BUCKETS);
    chartNote.textContent = list.buckets.length > CHART_BUCKETS
      ? `The ${CHART_BUCKETS} largest of ${count(list.buckets.length)} buckets.`
      : list.buckets.length === 0 ? 'No buckets yet.' : '';
    chart = draw(chart, canvas, top);
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
    chart?.destroy();
  };
}

function draw(chart, canvas, buckets) {
  if (!window.Chart) return null;
  const labels = buckets.map((b) => b.name);
  const storage = buckets.map((b) => b.total_size);
  const objects = buckets.map((b) => b.object_count);
  const axis = byteAxis(Math.max(0, ...storage));
  if (chart) {
    chart.data.labels = labels;
    chart.data.datasets[0].data = storage;
    chart.data.datasets[1].data = objects;
    Object.assign(chart.options.scales.bytes.ticks, byteTicks(axis));
    chart.update('none');
    return chart;
  }
  return new window.Chart(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: [
        { label: 'Storage', data: storage, yAxisID: 'bytes', backgroundColor: '#1f6feb' },
        { label: 'Objects', data: objects, yAxisID: 'objects', backgroundColor: '#f0883e' },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: {
        bytes: { position: 'left', beginAtZero: true, title: { display: true, text: 'Storage' },
          ticks: byteTicks(axis) },
        objects: { position: 'right', beginAtZero: true, title: { display: true, text: 'Objects' },
          grid: { drawOnChartArea: false }, ticks: { precision: 0 } },
      },
      plugins: {
        tooltip: { callbacks: { label: (c) => c.datasetIndex === 0
          ? `Storage: ${bytes(c.raw)}` : `Objects: ${count(c.raw)}` } },
      },
    },
  });
}

/** Ticks of the storage axis a round number of KiB, MiB... apart, each labelled exactly. */
function byteTicks(axis) {
  return { stepSize: axis.stepSize, callback: (v) => axisBytes(v, axis.unit) };
}
