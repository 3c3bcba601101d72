import { session } from './session.js';
import { request, setUnauthorizedHandler } from './api.js';
import { toast, showError } from './notify.js';
import { h } from './dom.js';
import * as dashboard from './views/dashboard.js';
import * as buckets from './views/buckets.js';
import * as objects from './views/objects.js';
import * as credentials from './views/credentials.js';
import * as policies from './views/policies.js';
import * as groups from './views/groups.js';
import * as bucketAccess from './views/bucket-access.js';
import * as bucketSettings from './views/bucket-settings.js';
import * as multipart from './views/multipart.js';
import { offerResumes } from './views/uploader.js';
import * as presigned from './views/presigned.js';
import * as kmsKeys from './views/kms-keys.js';
import * as notificationTargets from './views/notification-targets.js';

// Hash routes, so that the server only ever serves index.html and reloads keep the place.
const routes = [
  { path: /^\/$/, section: 'dashboard', view: dashboard },
  { path: /^\/buckets$/, section: 'buckets', view: buckets },
  { path: /^\/buckets\/([^/]+)$/, section: 'buckets', view: objects },
  { path: /^\/buckets\/([^/]+)\/access$/, section: 'buckets', view: bucketAccess },
  { path: /^\/buckets\/([^/]+)\/settings$/, section: 'buckets', view: bucketSettings },
  { path: /^\/credentials$/, section: 'credentials', view: credentials },
  { path: /^\/policies$/, section: 'policies', view: policies },
  { path: /^\/groups$/, section: 'groups', view: groups },
  { path: /^\/uploads$/, section: 'uploads', view: multipart },
  { path: /^\/presigned$/, section: 'presigned', view: presigned },
  { path: /^\/kms-keys$/, section: 'kms-keys', view: kmsKeys },
  { path: /^\/notification-targets$/, section: 'notification-targets', view: notificationTargets },
];

const signInView = document.getElementById('signin-view');
const appView = document.getElementById('app-view');
const main = document.getElementById('main');
const keyInput = document.getElementById('api-key');
const signInError = document.getElementById('signin-error');
let cleanup = null;
let generation = 0;

function showSignIn(message) {
  cleanup?.();
  cleanup = null;
  main.replaceChildren();
  appView.hidden = true;
  signInView.hidden = false;
  signInError.textContent = message ?? '';
  signInError.hidden = !message;
  keyInput.value = '';
  keyInput.focus();
}

async function route() {
  if (!session.key()) {
    showSignIn();
    return;
  }
  signInView.hidden = true;
  appView.hidden = false;
  offerResumes(); // multipart uploads a reload interrupted (once per upload)
  const hash = location.hash.startsWith('#/') ? location.hash.slice(1) : '/';
  const [path, query = ''] = hash.split('?');
  const match = routes.map((r) => ({ r, m: r.path.exec(path) })).find((x) => x.m);
  cleanup?.();
  cleanup = null;
  main.replaceChildren();
  const current = ++generation;
  if (!match) {
    main.append(h('h1', {}, 'Not found'), h('p', {}, 'There is no such page. '), h('a', { href: '#/' }, 'Go to the dashboard'));
    return;
  }
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.dataset.section === match.r.section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const params = match.m.slice(1).map(decodeURIComponent);
  try {
    const done = await match.r.view.render(main, params, new URLSearchParams(query));
    if (current === generation) cleanup = done ?? null;
    else done?.();
  } catch (e) {
    showError(e);
    main.append(h('p', { class: 'form-error', role: 'alert' }, e.message));
  }
}

document.getElementById('signin-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const key = keyInput.value.trim();
  const button = document.getElementById('signin-button');
  signInError.hidden = true;
  if (!key) {
    signInError.textContent = 'Enter the management API key.';
    signInError.hidden = false;
    return;
  }
  button.disabled = true;
  try {
    await request('GET', '/stats', { apiKey: key });
    session.signIn(key);
    await route();
    main.focus();
  } catch (e) {
    signInError.textContent = e.status === 401
      ? 'That API key is not valid. Check the key Coffer printed at its first start, or COFFER_API_KEY.'
      : e.message;
    signInError.hidden = false;
    keyInput.select();
  } finally {
    button.disabled = false;
  }
});

document.getElementById('signout-button').addEventListener('click', () => {
  session.signOut();
  showSignIn();
  toast('Signed out.');
});

document.getElementById('skip-link').addEventListener('click', () => main.focus());

setUnauthorizedHandler((message) => {
  session.signOut();
  showSignIn(`Signed out: ${message}`);
});

window.addEventListener('hashchange', route);
route();
