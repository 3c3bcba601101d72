import { h } from '../dom.js';
import { showError } from '../notify.js';
import * as tags from './settings/tags.js';
import * as cors from './settings/cors.js';
import * as lifecycle from './settings/lifecycle.js';
import * as quota from './settings/quota.js';
import * as encryption from './settings/encryption.js';
import * as notifications from './settings/notifications.js';

/** The sections of a bucket's settings page, each a module of its own in ./settings/. */
const SECTIONS = [quota, encryption, tags, cors, lifecycle, notifications];

/**
 * A bucket's settings: quota and usage, default encryption, tags, CORS rules, lifecycle rules,
 * event notification rules.
 */
export async function render(main, [bucket]) {
  main.append(h('div', { class: 'page-head' },
    h('h1', {}, `${bucket}: settings`),
    h('a', { class: 'button secondary', href: `#/buckets/${encodeURIComponent(bucket)}` }, 'Back to objects')));
  for (const section of SECTIONS) {
    const box = h('section', { class: 'card settings-section', id: `settings-${section.ID}` });
    main.append(box);
    section.render(box, bucket).catch(showError);
  }
}
