import { session } from './session.js';
import { api, request, setUnauthorizedHandler } from './api.js';
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
import * as presigned from './views/presigned.js';
import * as kmsKeys from './views/kms-keys.js';
import * as notificationTargets from './views/notification-targets.js';

// Hash routes, so that the server only ever serves index.html and reloads keep the place.
// A route is the administrator's unless it says `users: true` (an S3 user's session may open it);
// the server refuses a user on every admin endpoint anyway, this only spares them the attempt.
const routes = [
  { path: /^\/$/, section: 'dashboard', view: dashboard },
  { path: /^\/buckets$/, section: 'buckets', view: buckets, users: true },
  { path: /^\/buckets\/([^/]+)$/, section: 'buckets', view: objects, users: true },
  { path: /^\/buckets\/([^/]+)\/access$/, section: 'buckets', view: bucketAccess },
  { path: /^\/buckets\/([^/]+)\/settings$/, section: 'buckets', view: bucketSettings },
  { path: /^\/credentials$/, section: 'credentials', view: credentials },
  { path: /^\/policies$/, section: 'policies', view: policies },
  { path: /^\/groups$/, section: 'groups', view: groups },
  { path: /^\/uploads$/, section: 'uploads', view: multipart },
  { path: /^\/presigned$/, section: 'presigned', view: presigned, users: true },
  { path: /^\/kms-keys$/, section: 'kms-keys', view: kmsKeys },
  { path: /^\/notification-targets$/, section: 'notification-targets', view: notificationTargets },
];

const signInView = document.getElementById('signin-view');
const appView = document.getElementById('app-view');
const main = document.getElementById('main');
const keyInput = document.getElementById('api-key');
const accessKeyInput = document.getElementById('access-key-id');
const secretInput = document.getElementById('secret-access-key');
const userChoice = document.getElementById('signin-kind-user');
const signInError = document.getElementById('signin-error');
let cleanup = null;
let generation = 0;

/** The sign-in choice shown: the API key's field, or the access key's and secret's. */
function showSignInChoice() {
  const user = userChoice.checked;
  document.getElementById('signin-key-fields').hidden = user;
  document.getElementById('signin-user-fields').hidden = !user;
}

function clearSecrets() {
  keyInput.value = '';
  secretInput.value = '';
}

function showSignIn(message) {
  cleanup?.();
  cleanup = null;
  main.replaceChildren();
  appView.hidden = true;
  signInView.hidden = false;
  signInError.textContent = message ?? '';
  signInError.hidden = !message;
  clearSecrets();
  showSignInChoice();
  (userChoice.checked ? accessKeyInput : keyInput).focus();
}

/** An S3 user sees the sections its session can use; the administrator sees them all. */
function showWhoIsSignedIn() {
  const current = session.current();
  const admin = session.isAdmin();
  const userSections = new Set(routes.filter((r) => r.users).map((r) => r.section));
  for (const link of document.querySelectorAll('#nav a')) {
    link.hidden = !admin && !userSections.has(link.dataset.section);
  }
  document.getElementById('signed-in-as').textContent = admin
    ? 'Administrator'
    : `${current.display_name || current.access_key_id} (S3 user)`;
}

function notAllowed() {
  const current = session.current();
  main.append(
    h('h1', {}, 'Not allowed'),
    h('p', {}, `This page is for the administrator. You are signed in as the S3 user ${current.display_name || ''} (${current.access_key_id}).`),
    h('a', { href: '#/buckets' }, 'Go to your buckets'));
}

async function route() {
  if (!session.current()) {
    showSignIn();
    return;
  }
  signInView.hidden = true;
  appView.hidden = false;
  const hash = location.hash.startsWith('#/') ? location.hash.slice(1) : '/';
  const [path, query = ''] = hash.split('?');
  if (path === '/' && !session.isAdmin()) {
    // a user's home is its buckets: the dashboard's counters are the whole server's
    location.replace('#/buckets');
    return;
  }
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
  if (!match.r.users && !session.isAdmin()) {
    notAllowed();
    return;
  }
  const params = match.m.slice(1).map(decodeURIComponent);
  try {
    const done = await match.r.view.render(main, params, new URLSearchParams(query));
    if (current === generation) cleanup = done ?? null;
    else done?.();
  } catch (e) {
    // a 401 has already returned to the sign-in page with its reason
    if (e.status === 401) return;
    showError(e);
    main.append(h('p', { class: 'form-error', role: 'alert' }, e.message));
  }
}

/** What the form sends: the API key, or the access key ID and secret; null with a reason shown. */
function signInBody() {
  if (userChoice.checked) {
    const accessKeyId = accessKeyInput.value.trim();
    if (!accessKeyId || !secretInput.value) {
      return 'Enter the access key ID and the secret access key.';
    }
    return { access_key_id: accessKeyId, secret_access_key: secretInput.value };
  }
  const key = keyInput.value.trim();
  return key ? { api_key: key } : 'Enter the management API key.';
}

document.getElementById('signin-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = document.getElementById('signin-button');
  signInError.hidden = true;
  const body = signInBody();
  if (typeof body === 'string') {
    signInError.textContent = body;
    signInError.hidden = false;
    return;
  }
  button.disabled = true;
  try {
    const response = await request('POST', '/sessions', { body, signingIn: true });
    // Sent once: from now on the HttpOnly cookie is the sign-in, and the page forgets the secret.
    clearSecrets();
    session.signedIn(await response.json());
    showWhoIsSignedIn();
    await route();
    main.focus();
  } catch (e) {
    if (e.status === 401 && !userChoice.checked) {
      signInError.textContent = 'That API key is not valid. Check the key Coffer printed at its first start, or COFFER_API_KEY.';
    } else {
      signInError.textContent = e.message;
    }
    signInError.hidden = false;
    (userChoice.checked ? secretInput : keyInput).select();
  } finally {
    button.disabled = false;
  }
});

for (const choice of document.querySelectorAll('input[name="signin-kind"]')) {
  choice.addEventListener('change', () => {
    signInError.hidden = true;
    showSignInChoice();
  });
}

document.getElementById('signout-button').addEventListener('click', async () => {
  try {
    // revoked on the server: the cookie alone would be worth nothing after this
    await request('DELETE', '/sessions/current', { signingIn: true });
  } catch (e) {
    // already ended (401) or the server is away: the page signs out all the same
  }
  session.signedOut();
  showSignIn();
  toast('Signed out.');
});

document.getElementById('skip-link').addEventListener('click', () => main.focus());

setUnauthorizedHandler((message) => {
  session.signedOut();
  showSignIn(`Signed out: ${message}`);
});

/** On load: the session this browser may still have, as the server sees it. */
async function resume() {
  // the API key is the usual choice; a browser restoring the form's state must not pick for us
  document.getElementById('signin-kind-key').checked = true;
  if (session.mayBeSignedIn()) {
    try {
      session.signedIn(await api('GET', '/sessions/current'));
      showWhoIsSignedIn();
    } catch (e) {
      // a 401 has shown the sign-in with its reason already
      if (e.status !== 401) showSignIn(e.message);
      return;
    }
  }
  await route();
}

window.addEventListener('hashchange', route);
resume();
