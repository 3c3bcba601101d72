import { h } from './dom.js';

let inFlight = 0;

/** Shows the top progress bar while any call is in flight; returns the function that ends it. */
export function busy() {
  inFlight++;
  document.getElementById('busy').hidden = false;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    inFlight--;
    if (inFlight === 0) document.getElementById('busy').hidden = true;
  };
}

/**
 * A message in the corner; errors stay until dismissed (or until the page is left) so that
 * nothing fails silently.
 */
export function toast(message, kind = 'info') {
  const close = h('button', { type: 'button', class: 'toast-close', 'aria-label': 'Dismiss' }, '×');
  const el = h('div', { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    h('span', { class: 'toast-text' }, message), close);
  close.addEventListener('click', () => el.remove());
  document.getElementById('toasts').append(el);
  if (kind !== 'error') setTimeout(() => el.remove(), 5000);
  return el;
}

export function showError(error) {
  return toast(error?.message ?? String(error), 'error');
}

/** A message with a progress bar for a long action; returns {update, done, fail}. */
export function progressToast(label) {
  const bar = h('progress', { max: 1, value: 0, 'aria-label': label });
  const text = h('span', { class: 'toast-text' }, label);
  // "lasting": the action goes on when the user moves to another page, and so does its progress
  const el = h('div', { class: 'toast info lasting', role: 'status' }, h('div', { class: 'toast-progress' }, text, bar));
  document.getElementById('toasts').append(el);
  return {
    update(done, total) {
      bar.max = total || 1;
      bar.value = Math.min(done, bar.max);
    },
    done(message) {
      el.remove();
      toast(message, 'success');
    },
    fail(error) {
      el.remove();
      showError(error);
    },
  };
}

/**
 * Notices belong to the page they were shown on: moving to another page clears them, so that an
 * error about the last page does not sit over the next one. The progress of an action still
 * running stays. Registered before app.js's router (this module is imported first), so notices of
 * the page being opened are shown after the clearing.
 */
export function clearNotices() {
  for (const el of document.querySelectorAll('#toasts .toast:not(.lasting)')) el.remove();
}

window.addEventListener('hashchange', clearNotices);
