package io.coffer.service;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** Request bodies that are documents, not objects: read whole (bounded) and verified first. */
public final class SmallBodies {
  /** The largest XML request body accepted. */
  public static final int MAX_DOCUMENT_BYTES = 1024 * 1024;

  private SmallBodies() {}

  public static InputStream readVerified(InputStream body, PayloadChecks checks) {
    return new ByteArrayInputStream(BodyWriter.readVerified(body, checks, MAX_DOCUMENT_BYTES));
  }
}
