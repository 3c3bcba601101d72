import { api } from './api.js';
import { session } from './session.js';

/**
 * The credentials the signed-in person may sign presigned URLs and upload forms with: every active
 * one for the administrator; for an S3 user only its own (the server refuses any other).
 */
export async function signingCredentials() {
  if (session.isAdmin()) {
    return (await api('GET', '/credentials')).credentials.filter((c) => c.is_active);
  }
  const me = session.current();
  return [{ access_key: me.access_key_id, user_name: me.display_name, is_active: true }];
}
