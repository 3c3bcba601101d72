import { h } from './dom.js';

/**
 * A modal dialog (native <dialog>: focus stays inside, Escape closes). Each action runs while its
 * buttons are disabled; a thrown error is shown inside the dialog, which then stays open.
 * actions: [{label, kind: 'primary' | 'danger' | undefined, run: async (dialog) => keepOpen?}]
 */
export function openDialog({ title, content, actions = [], closeLabel = 'Cancel', onClose, wide }) {
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const buttons = actions.map((a, i) =>
    h('button', { type: i === 0 ? 'submit' : 'button', class: a.kind ?? '', dataset: { action: a.label } }, a.label));
  const cancel = h('button', { type: 'button', class: 'secondary' }, closeLabel);
  const form = h('form', { class: 'dialog-form', novalidate: true },
    h('h2', { id: 'dialog-title' }, title),
    h('div', { class: 'dialog-body' }, content),
    error,
    h('div', { class: 'dialog-actions' }, cancel, buttons));
  const dialog = h('dialog', { class: wide ? 'wide' : '', 'aria-labelledby': 'dialog-title' }, form);
  const controller = {
    element: dialog,
    close: () => dialog.close(),
    setError(message) {
      error.textContent = message ?? '';
      error.hidden = !message;
    },
  };

  async function run(action) {
    controller.setError(null);
    const all = [...buttons, cancel];
    all.forEach((b) => (b.disabled = true));
    try {
      const keepOpen = await action.run(controller);
      if (!keepOpen) dialog.close();
    } catch (e) {
      controller.setError(e.message ?? String(e));
    } finally {
      all.forEach((b) => (b.disabled = false));
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (actions[0]) run(actions[0]);
  });
  buttons.slice(1).forEach((b, i) => b.addEventListener('click', () => run(actions[i + 1])));
  cancel.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    dialog.remove();
    onClose?.();
  });
  document.body.append(dialog);
  dialog.showModal();
  return controller;
}

/** Asks before doing something that cannot be undone; `run` does it and may throw. */
export function confirmAction({ title, message, confirmLabel, run }) {
  return new Promise((resolve) => {
    let done = false;
    openDialog({
      title,
      content: h('p', {}, message),
      actions: [{ label: confirmLabel, kind: 'danger', run: async (d) => { await run(d); done = true; } }],
      onClose: () => resolve(done),
    });
  });
}
