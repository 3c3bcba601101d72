import { busy } from './notify.js';

/** A failed API call, carrying the API's own error code and message. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

let onUnauthorized = () => {};

/** Called when the server answers 401: the session expired, was revoked, or its credential changed. */
export function setUnauthorizedHandler(handler) {
  onUnauthorized = handler;
}

export const enc = encodeURIComponent;

/** The path of one object; the whole key is one encoded segment, so "/", "." and ".." survive. */
export function objectPath(bucket, key) {
  return `/buckets/${enc(bucket)}/objects/${enc(key)}`;
}

export function downloadPath(bucket, key) {
  return `/buckets/${enc(bucket)}/download/${enc(key)}`;
}

/**
 * Headers of every call. The session cookie goes by itself (same origin); X-Coffer-Console tells
 * the server that the console, not a page of another site, makes the change.
 */
export function headers(extra = {}) {
  return { 'X-Coffer-Console': '1', ...extra };
}

/**
 * fetch() against /api/v1 with the session cookie; resolves to the Response, or throws an ApiError.
 * With signingIn, a 401 is the sign-in's own answer, not a session that ended.
 */
export async function request(method, path, { body, signingIn = false } = {}) {
  const init = {
    method,
    credentials: 'same-origin',
    headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }),
  };
  if (body !== undefined) init.body = JSON.stringify(body);
  let response;
  const done = busy();
  try {
    response = await fetch(`/api/v1${path}`, init);
  } catch (e) {
    throw new ApiError(0, 'network', `Cannot reach the Coffer server (${e.message}).`);
  } finally {
    done();
  }
  if (!response.ok) {
    throw await errorOf(response, !signingIn);
  }
  return response;
}

/** A JSON API call: resolves to the parsed body. */
export async function api(method, path, body) {
  const response = await request(method, path, { body });
  const text = await response.text();
  return text ? JSON.parse(text) : {};
}

export async function errorOf(response, signOutOn401 = true) {
  let code = 'http_' + response.status;
  let message = `The server answered ${response.status} ${response.statusText}.`;
  try {
    const data = await response.json();
    code = data.error ?? code;
    message = data.message ?? message;
  } catch {
    // not JSON: keep the status line
  }
  if (response.status === 401 && signOutOn401) onUnauthorized(message);
  return new ApiError(response.status, code, message);
}

/** Same as errorOf, for an XMLHttpRequest that has finished. */
export function xhrError(xhr) {
  let code = 'http_' + xhr.status;
  let message = `The server answered ${xhr.status}.`;
  try {
    const data = JSON.parse(xhr.responseText);
    code = data.error ?? code;
    message = data.message ?? message;
  } catch {
    // not JSON
  }
  if (xhr.status === 401) onUnauthorized(message);
  return new ApiError(xhr.status, code, message);
}
