import { h } from '../dom.js';
import { count } from '../format.js';

// A panel for one long object task (delete, move, copy of many keys): what it is doing, how far it
// got, a Cancel button, and at the end a report that names every key that failed. The panels live
// in their own corner, not among the notices, so a task keeps reporting while you browse on.

function container() {
  let box = document.getElementById('tasks');
  if (!box) {
    box = h('div', { id: 'tasks', class: 'tasks', 'aria-live': 'polite' });
    document.body.append(box);
  }
  return box;
}

/**
 * Starts a panel titled `title`. Returns {signal, cancelled(), update(done, total?), finish(summary,
 * failures)}: `signal` aborts when the user cancels; `total` unknown shows a moving bar;
 * `failures` is [{key, message}].
 */
export function startTask(title) {
  const controller = new AbortController();
  const bar = h('progress', { max: 1, 'aria-label': title });
  const status = h('span', { class: 'task-status' }, 'Starting…');
  const cancel = h('button', { type: 'button', class: 'small secondary task-cancel' }, 'Cancel');
  const panel = h('section', { class: 'task', role: 'status', 'aria-label': title },
    h('strong', { class: 'task-title' }, title), bar, h('div', { class: 'task-line' }, status, cancel));
  cancel.addEventListener('click', () => {
    cancel.disabled = true;
    status.textContent = 'Cancelling after the current step…';
    controller.abort();
  });
  container().append(panel);

  return {
    signal: controller.signal,
    cancelled: () => controller.signal.aborted,
    update(done, total) {
      if (total) {
        bar.max = total;
        bar.value = Math.min(done, total);
        status.textContent = `${count(done)} of ${count(total)}`;
      } else {
        bar.removeAttribute('value');
        status.textContent = `${count(done)} done`;
      }
    },
    /** Shows the outcome; it stays until dismissed when anything failed or it was cancelled. */
    finish(summary, failures = []) {
      panel.classList.add(failures.length ? 'failed' : controller.signal.aborted ? 'cancelled' : 'done');
      panel.setAttribute('role', failures.length ? 'alert' : 'status');
      const close = h('button', { type: 'button', class: 'small secondary task-close' }, 'Dismiss');
      close.addEventListener('click', () => panel.remove());
      panel.replaceChildren(
        h('strong', { class: 'task-title' }, title),
        h('p', { class: 'task-summary' }, summary),
        failures.length
          ? h('ul', { class: 'task-failures' }, failures.map((f) => h('li', {}, h('code', {}, f.key), ': ', f.message)))
          : null,
        close);
      if (!failures.length && !controller.signal.aborted) setTimeout(() => panel.remove(), 8000);
    },
  };
}
