import { request } from '../api.js';
import { h, field } from '../dom.js';
import { count } from '../format.js';
import { showError } from '../notify.js';

// The page keeps the newest requests only, so a busy server cannot make it grow without end.
const MAX_ROWS = 500;
const METHODS = ['GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'OPTIONS'];
const STATUS_CLASSES = ['2xx', '3xx', '4xx', '5xx'];

/**
 * The live request trace of the S3 port (GET /api/v1/trace, one JSON object per line), streamed
 * while the page is open; the stream stops on Pause and when the page is left.
 */
export async function render(main) {
  const method = h('select', { id: 'trace-method' },
    h('option', { value: '' }, 'Any'), METHODS.map((m) => h('option', { value: m }, m)));
  const status = h('select', { id: 'trace-status' },
    h('option', { value: '' }, 'Any'), STATUS_CLASSES.map((s) => h('option', { value: s }, s)));
  const bucket = h('input', { id: 'trace-bucket', type: 'text', autocomplete: 'off', spellcheck: 'false' });
  const prefix = h('input', { id: 'trace-prefix', type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: '/bucket/folder/' });
  const accessKey = h('input', { id: 'trace-access-key', type: 'text', autocomplete: 'off', spellcheck: 'false' });
  const form = h('form', { class: 'trace-filters', id: 'trace-filters' },
    field('Method', method), field('Status', status), field('Bucket', bucket),
    field('Path starts with', prefix), field('Access key ID', accessKey),
    h('button', { type: 'submit', class: 'primary', id: 'trace-apply' }, 'Apply filter'));
  const toggle = h('button', { type: 'button', id: 'trace-toggle' }, 'Pause');
  const clear = h('button', { type: 'button', id: 'trace-clear' }, 'Clear');
  const state = h('p', { class: 'hint', id: 'trace-state', 'aria-live': 'polite' });
  const shown = h('span', { class: 'hint', id: 'trace-count' });
  const waitingRow = () => h('tr', { class: 'waiting' },
    h('td', { colspan: 8, class: 'empty' }, 'Waiting for S3 requests…'));
  const tbody = h('tbody', {}, waitingRow());
  main.append(
    h('div', { class: 'page-head' }, h('h1', {}, 'Trace'), state),
    h('p', { class: 'hint' }, 'Every request to the S3 port as it completes, newest first. '
      + 'Signatures, credentials in query strings and secrets are never shown.'),
    form,
    h('div', { class: 'toolbar' }, toggle, clear, shown),
    h('div', { class: 'table-wrap' },
      h('table', { class: 'data trace', id: 'trace-table', 'aria-label': 'Live request trace' },
        h('thead', {}, h('tr', {}, ['Time', 'Method', 'Path', 'Status', 'Duration', 'Client', 'Access key', 'Operation']
          .map((label) => h('th', { scope: 'col' }, label)))),
        tbody)));

  let reader = null;
  let generation = 0;
  let rows = 0;
  let dropped = 0;

  function setState(text, running) {
    state.textContent = text;
    toggle.textContent = running ? 'Pause' : 'Resume';
    toggle.dataset.running = String(running);
  }

  function filterQuery() {
    const q = new URLSearchParams();
    if (method.value) q.set('method', method.value);
    if (status.value) q.set('status', status.value);
    if (bucket.value.trim()) q.set('bucket', bucket.value.trim());
    if (prefix.value) q.set('prefix', prefix.value);
    if (accessKey.value.trim()) q.set('access_key', accessKey.value.trim());
    const text = q.toString();
    return text ? `?${text}` : '';
  }

  /** Ends the stream being read, if any; a stream of an older generation stops unnoticed. */
  function stop() {
    generation++;
    reader?.cancel().catch(() => {});
    reader = null;
  }

  async function start() {
    stop();
    const mine = generation;
    setState('Connecting…', true);
    let response;
    try {
      response = await request('GET', `/trace${filterQuery()}`);
    } catch (e) {
      if (mine === generation) {
        setState(`Not streaming: ${e.message}`, false);
        showError(e);
      }
      return;
    }
    if (mine !== generation) {
      response.body.cancel().catch(() => {});
      return;
    }
    reader = response.body.getReader();
    setState('Streaming: new requests appear at the top.', true);
    const decoder = new TextDecoder();
    let buffered = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done || mine !== generation) break;
        buffered += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffered.indexOf('\n')) >= 0) {
          const line = buffered.slice(0, end).trim();
          buffered = buffered.slice(end + 1);
          if (line) show(JSON.parse(line));
        }
      }
      if (mine === generation) setState('The server ended the trace.', false);
    } catch (e) {
      if (mine === generation) setState(`The trace stopped: ${e.message}`, false);
    }
  }

  function show(line) {
    if (line.dropped !== undefined) {
      dropped += line.dropped;
    } else {
      if (rows === 0) tbody.replaceChildren();
      tbody.prepend(row(line));
      rows++;
      while (rows > MAX_ROWS) {
        tbody.lastElementChild.remove();
        rows--;
      }
    }
    shown.textContent = `${count(rows)} shown`
      + (dropped ? `; ${count(dropped)} not shown because the page fell behind` : '');
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    start();
  });
  toggle.addEventListener('click', () => {
    if (toggle.dataset.running === 'true') {
      stop();
      setState('Paused: requests made now are not shown.', false);
    } else {
      start();
    }
  });
  clear.addEventListener('click', () => {
    rows = 0;
    dropped = 0;
    tbody.replaceChildren(waitingRow());
    shown.textContent = '';
  });

  start();
  return stop;
}

function row(r) {
  const time = new Date(r.time);
  const statusClass = r.status >= 400 ? 'off' : 'ok';
  return h('tr', { dataset: { status: String(r.status), method: r.method, path: r.path } },
    h('td', { title: r.time }, time.toLocaleTimeString()),
    h('td', {}, r.method),
    h('td', { class: 'name trace-path' }, r.path),
    h('td', {}, h('span', { class: `badge ${statusClass}` }, String(r.status))),
    h('td', { class: 'num' }, `${r.duration_ms.toFixed(1)} ms`),
    h('td', {}, r.client),
    h('td', {}, r.access_key ?? '—'),
    h('td', {}, r.operation));
}
