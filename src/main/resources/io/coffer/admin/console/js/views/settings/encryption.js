import { api, enc } from '../../api.js';
import { field, h, replace } from '../../dom.js';
import { showError, toast } from '../../notify.js';

/** The bucket's default encryption section of the settings page (#/buckets/{bucket}/settings). */
export const ID = 'encryption';

const NAMES = { AES256: 'SSE-S3 (AES256, keys managed by Coffer)', 'aws:kms': 'SSE-KMS (aws:kms, a named KMS key)' };

/** A sentence for the rule in force. */
function describe(rule) {
  if (rule.algorithm === null) return 'None: objects written without encryption headers are stored unencrypted.';
  if (rule.algorithm === 'AES256') return 'SSE-S3: objects written without encryption headers are encrypted with a key of their own, sealed by the master key.';
  const key = rule.kms_key_id ?? 'the default KMS key';
  const bucketKey = rule.bucket_key_enabled ? ' Bucket key: enabled.' : '';
  return `SSE-KMS with ${key}: objects written without encryption headers get a data key sealed by it.${bucketKey}`;
}

/**
 * The default encryption of writes that send no x-amz-server-side-encryption headers: none,
 * SSE-S3 or SSE-KMS with a key of the KMS keys page. Objects already stored keep theirs.
 */
export async function render(box, bucket) {
  const path = `/buckets/${enc(bucket)}/encryption`;
  const current = h('p', { id: 'encryption-current' });
  const algorithm = h('select', { id: 'encryption-algorithm' },
    h('option', { value: '' }, 'None'),
    Object.entries(NAMES).map(([value, label]) => h('option', { value }, label)));
  const key = h('select', { id: 'encryption-kms-key' });
  const keyField = field('KMS key', key, 'Only enabled keys can be chosen; create and disable keys on the KMS keys page.');
  const bucketKey = h('input', { type: 'checkbox', id: 'encryption-bucket-key' });
  const bucketKeyField = h('label', { class: 'check-field' }, bucketKey, ' Bucket key enabled (x-amz-server-side-encryption-bucket-key-enabled)');
  const save = h('button', { type: 'button', class: 'primary', id: 'encryption-save' }, 'Save default encryption');
  let keys = null; // loaded when SSE-KMS is first chosen or shown
  let rule = { algorithm: null, kms_key_id: null, bucket_key_enabled: false };

  async function showKeyChoice() {
    const kms = algorithm.value === 'aws:kms';
    keyField.hidden = !kms;
    bucketKeyField.hidden = !kms;
    if (kms && keys === null) {
      keys = (await api('GET', '/kms/keys')).keys;
      fillKeys(rule.kms_key_id);
    }
  }

  function fillKeys(selected) {
    const usable = (keys ?? []).filter((k) => k.enabled || k.name === selected).map((k) => k.name);
    if (selected && !usable.includes(selected)) usable.push(selected);
    replace(key,
      h('option', { value: '' }, 'Default KMS key'),
      usable.map((name) => h('option', { value: name }, name)));
    key.value = selected ?? '';
  }

  function show(answer) {
    rule = answer;
    current.textContent = describe(answer);
    algorithm.value = answer.algorithm ?? '';
    bucketKey.checked = Boolean(answer.bucket_key_enabled);
    fillKeys(answer.kms_key_id);
    showKeyChoice().catch(showError);
  }

  algorithm.addEventListener('change', () => showKeyChoice().catch(showError));
  save.addEventListener('click', async () => {
    save.disabled = true;
    try {
      if (algorithm.value === '') {
        await api('DELETE', path);
        show({ algorithm: null, kms_key_id: null, bucket_key_enabled: false });
        toast(`${bucket} has no default encryption now.`, 'success');
      } else {
        const kms = algorithm.value === 'aws:kms';
        show(await api('PUT', path, {
          algorithm: algorithm.value,
          kms_key_id: kms && key.value ? key.value : null,
          bucket_key_enabled: kms && bucketKey.checked,
        }));
        toast(`The default encryption of ${bucket} was saved.`, 'success');
      }
    } catch (e) {
      showError(e);
    } finally {
      save.disabled = false;
    }
  });

  replace(box,
    h('h2', { id: 'encryption-heading' }, 'Default encryption'),
    h('p', { class: 'hint' },
      'How objects written to this bucket without encryption headers are encrypted at rest. ',
      'Headers a client sends (SSE-S3, SSE-KMS or SSE-C) take precedence; objects already stored keep their encryption.'),
    current,
    h('div', { class: 'toolbar' }, field('Encryption', algorithm), keyField, bucketKeyField, save));
  show(await api('GET', path));
}
