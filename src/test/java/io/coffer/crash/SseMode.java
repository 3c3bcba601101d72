package io.coffer.crash;

import java.security.MessageDigest;
import java.util.Base64;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * How one crash client encrypts its keys: thread 0 writes plaintext, 1 SSE-S3, 2 SSE-KMS with the
 * default key, 3 SSE-C. A key's mode follows from its name ("t2/..."), so the verification after a
 * restart reads each key as it was written.
 */
enum SseMode {
  PLAIN,
  S3,
  KMS,
  CUSTOMER;

  /** The SSE-C key of the crash test (a fixed test key). */
  private static final byte[] CUSTOMER_KEY = "crash-test-customer-key-32-bytes".getBytes();

  static SseMode forThread(int thread) {
    return values()[thread % values().length];
  }

  static SseMode forKey(String key) {
    return forThread(Integer.parseInt(key.substring(1, key.indexOf('/'))));
  }

  PutObjectRequest.Builder put(PutObjectRequest.Builder r) {
    return switch (this) {
      case PLAIN -> r;
      case S3 -> r.serverSideEncryption(ServerSideEncryption.AES256);
      case KMS -> r.serverSideEncryption(ServerSideEncryption.AWS_KMS);
      case CUSTOMER ->
          r.sseCustomerAlgorithm("AES256").sseCustomerKey(key()).sseCustomerKeyMD5(keyMd5());
    };
  }

  CreateMultipartUploadRequest.Builder create(CreateMultipartUploadRequest.Builder r) {
    return switch (this) {
      case PLAIN -> r;
      case S3 -> r.serverSideEncryption(ServerSideEncryption.AES256);
      case KMS -> r.serverSideEncryption(ServerSideEncryption.AWS_KMS);
      case CUSTOMER ->
          r.sseCustomerAlgorithm("AES256").sseCustomerKey(key()).sseCustomerKeyMD5(keyMd5());
    };
  }

  UploadPartRequest.Builder part(UploadPartRequest.Builder r) {
    return this == CUSTOMER
        ? r.sseCustomerAlgorithm("AES256").sseCustomerKey(key()).sseCustomerKeyMD5(keyMd5())
        : r;
  }

  /** A copy between two keys of the same thread: source and target in this mode. */
  CopyObjectRequest.Builder copy(CopyObjectRequest.Builder r) {
    return switch (this) {
      case PLAIN -> r;
      case S3 -> r.serverSideEncryption(ServerSideEncryption.AES256);
      case KMS -> r.serverSideEncryption(ServerSideEncryption.AWS_KMS);
      case CUSTOMER ->
          r.sseCustomerAlgorithm("AES256")
              .sseCustomerKey(key())
              .sseCustomerKeyMD5(keyMd5())
              .copySourceSSECustomerAlgorithm("AES256")
              .copySourceSSECustomerKey(key())
              .copySourceSSECustomerKeyMD5(keyMd5());
    };
  }

  GetObjectRequest.Builder get(GetObjectRequest.Builder r) {
    return this == CUSTOMER
        ? r.sseCustomerAlgorithm("AES256").sseCustomerKey(key()).sseCustomerKeyMD5(keyMd5())
        : r;
  }

  /** Whether a GET's answer says the object is encrypted as this mode writes it. */
  boolean matches(GetObjectResponse response) {
    return switch (this) {
      case PLAIN -> response.serverSideEncryption() == null;
      case S3 -> response.serverSideEncryption() == ServerSideEncryption.AES256;
      case KMS -> response.serverSideEncryption() == ServerSideEncryption.AWS_KMS;
      case CUSTOMER -> "AES256".equals(response.sseCustomerAlgorithm());
    };
  }

  private static String key() {
    return Base64.getEncoder().encodeToString(CUSTOMER_KEY);
  }

  private static String keyMd5() {
    try {
      return Base64.getEncoder()
          .encodeToString(MessageDigest.getInstance("MD5").digest(CUSTOMER_KEY));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
