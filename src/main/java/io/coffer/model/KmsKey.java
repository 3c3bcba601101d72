package io.coffer.model;

import java.time.Instant;

/**
 * A named key of the built-in key store (SSE-KMS). Its material is kept sealed by the master key.
 *
 * @param name the key ID clients send in x-amz-server-side-encryption-aws-kms-key-id
 * @param masterKeyId the name of the master key that sealed the material
 * @param sealedMaterial the key's 32 bytes sealed by that master key (format: io.coffer.crypto)
 * @param enabled false once disabled: it no longer encrypts nor decrypts
 */
public record KmsKey(
    String name, String masterKeyId, byte[] sealedMaterial, boolean enabled, Instant createdAt) {}
