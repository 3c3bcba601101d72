package io.coffer.s3.response;

import io.coffer.service.Caller;

/** The Owner (and Initiator) element of S3's responses: the credential's ID and name. */
public record Owner(String id, String displayName) {

  public static Owner of(Caller caller) {
    return new Owner(Long.toString(caller.id()), caller.displayName());
  }
}
