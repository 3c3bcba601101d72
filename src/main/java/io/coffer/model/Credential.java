package io.coffer.model;

import java.time.Instant;

/** An S3 access credential. The secret key never leaves the service layer except on creation. */
public record Credential(
    long id,
    String accessKey,
    String secretKey,
    String userName,
    boolean active,
    Instant createdAt) {

  @Override
  public String toString() {
    return "Credential[id=" + id + ", accessKey=" + accessKey + ", userName=" + userName + "]";
  }
}
