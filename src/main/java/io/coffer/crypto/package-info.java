/**
 * Encryption at rest: the built-in key store (a master key, named KMS keys), per-object data keys
 * sealed by them or by a customer's key (SSE-C), and the authenticated package format blobs and
 * inline bodies are encrypted in. Nothing here logs or returns a key.
 */
@NullMarked
package io.coffer.crypto;

import org.jspecify.annotations.NullMarked;
