// Who is signed in. The session itself is an HttpOnly cookie the page can never read: the page
// keeps only what GET /sessions/current says (kind, access key ID, name), never a key or secret.
// A plain marker cookie (no secret in it) tells a reload that a session may exist, so that a
// signed-out page never asks the server and never shows a 401 in the browser's console.
const MARKER = 'coffer_signed_in';

let current = null;

export const session = {
  /** The session as the server described it, or null when signed out. */
  current: () => current,
  isAdmin: () => current?.kind === 'admin',
  /** Whether this browser signed in and has not signed out since (the server decides the rest). */
  mayBeSignedIn: () => document.cookie.split(';').some((c) => c.trim() === `${MARKER}=1`),
  signedIn(info) {
    current = info;
    document.cookie = `${MARKER}=1; path=/; samesite=strict`;
  },
  signedOut() {
    current = null;
    document.cookie = `${MARKER}=; path=/; samesite=strict; max-age=0`;
  },
};
