/**
 * Console sign-in: short-lived sessions behind an HttpOnly cookie, for the administrator (the API
 * key) and for S3 users (an access key and its secret). Kept in this node's memory, as hashes of
 * their tokens.
 */
@NullMarked
package io.coffer.admin.session;

import org.jspecify.annotations.NullMarked;
