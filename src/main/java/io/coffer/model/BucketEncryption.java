package io.coffer.model;

import org.jspecify.annotations.Nullable;

/**
 * A bucket's default encryption (PutBucketEncryption): what a write without encryption headers
 * gets.
 *
 * @param mode {@link Encryption.Mode#S3} or {@link Encryption.Mode#KMS}, never CUSTOMER
 * @param kmsKeyId the KMS key's name for KMS (null: the default key, as AWS's aws/s3 key)
 * @param bucketKeyEnabled BucketKeyEnabled of the rule
 */
public record BucketEncryption(
    Encryption.Mode mode, @Nullable String kmsKeyId, boolean bucketKeyEnabled) {}
