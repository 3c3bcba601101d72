package io.coffer.s3;

import io.coffer.http.HttpRequest;
import io.coffer.http.Query;
import io.coffer.s3.auth.AuthResult;
import io.coffer.service.Caller;

/** One authenticated S3 request as the handlers see it. */
public record S3Request(
    HttpRequest http, Query query, AuthResult auth, Caller caller, String requestId) {

  public String header(String name) {
    return http.headers().get(name);
  }
}
