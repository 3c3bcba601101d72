package io.coffer.http;

/**
 * A request URI that cannot be decoded: a malformed percent-escape, or bytes that are not UTF-8.
 * Each front end turns it into its protocol's error (S3 {@code InvalidURI}, a JSON 400).
 */
public final class MalformedUriException extends IllegalArgumentException {
  MalformedUriException(String message) {
    super(message);
  }
}
