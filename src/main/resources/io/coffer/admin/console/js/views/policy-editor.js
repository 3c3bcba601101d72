import { api } from '../api.js';
import { h } from '../dom.js';

/** A policy document as the editor shows it: indented JSON. */
export function pretty(document) {
  return document ? JSON.stringify(document, null, 2) : '';
}

/**
 * A JSON editor for a policy document with a Validate button. Validation is the server's answer
 * (POST /policy-validation, the policy engine itself); its message is shown next to the editor.
 * kind: 'identity' or 'bucket'. The text is sent as typed, so that malformed JSON is refused with
 * the engine's own reason too.
 */
export function policyEditor({ id, label, value = '', kind = 'identity', readonly = false, hint }) {
  const text = h('textarea', {
    id, class: 'policy-json', spellcheck: 'false', autocomplete: 'off', rows: 16,
    readonly, 'aria-describedby': `${id}-message`,
  });
  text.value = value;
  const message = h('p', { class: 'hint', id: `${id}-message`, role: 'status', 'aria-live': 'polite' }, hint ?? '');
  const validateButton = h('button', { type: 'button', class: 'secondary small', id: `${id}-validate` }, 'Validate');

  function show(kindOfMessage, textOfMessage) {
    message.className = kindOfMessage === 'error' ? 'form-error' : `hint ${kindOfMessage}`;
    message.setAttribute('role', kindOfMessage === 'error' ? 'alert' : 'status');
    message.textContent = textOfMessage;
    text.setAttribute('aria-invalid', kindOfMessage === 'error' ? 'true' : 'false');
  }

  const editor = {
    element: h('div', { class: 'field policy-editor' },
      h('label', { for: id }, label),
      text,
      h('div', { class: 'editor-foot' }, readonly ? null : validateButton, message)),
    textarea: text,
    value: () => text.value,
    set(next) {
      text.value = next;
      show('', hint ?? '');
    },
    showError: (m) => show('error', m),
    showValid: (m) => show('valid', m),
    /** Asks the server; resolves to its answer, or null when refused (the reason is shown). */
    async validate() {
      if (!text.value.trim()) {
        show('error', 'The document is empty.');
        return null;
      }
      try {
        const answer = await api('POST', '/policy-validation', { document: text.value, kind });
        show('valid', answer.message);
        return answer;
      } catch (e) {
        show('error', e.message);
        return null;
      }
    },
    /**
     * Runs a save; a refusal of the document (malformed_policy, policy_too_large, access_denied)
     * is shown next to the editor and resolves to false, other failures are thrown.
     */
    async save(run) {
      try {
        await run(text.value);
        return true;
      } catch (e) {
        if (['malformed_policy', 'policy_too_large', 'access_denied'].includes(e.code)) {
          show('error', e.message);
          return false;
        }
        throw e;
      }
    },
  };
  validateButton.addEventListener('click', () => editor.validate());
  return editor;
}
