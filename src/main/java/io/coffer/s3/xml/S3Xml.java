package io.coffer.s3.xml;

/** Constants shared by the S3 request parsers and the response writer. */
public final class S3Xml {
  /** The namespace of S3 documents; requests may use it or no namespace at all. */
  public static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

  /** Default cap on a request body the parsers read (1 MiB). */
  public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

  private S3Xml() {}
}
