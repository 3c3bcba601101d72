package io.coffer.s3.request;

import io.coffer.http.MalformedUriException;
import io.coffer.http.Query;
import io.coffer.http.UriCodec;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;

/**
 * How the S3 port decodes a request URI: with {@link UriCodec#TOLERANT}, the codec the signature
 * canonicalisation uses too, and a URI that cannot be decoded is InvalidURI, as S3 answers. Paths
 * keep {@code +} as a plus sign, and nothing is normalised: {@code //} and {@code ..} are parts of
 * keys like any other characters.
 */
public final class RequestUri {
  private RequestUri() {}

  /** A raw path, or a part of one such as a key, decoded. */
  public static String decodePath(String raw) {
    try {
      return UriCodec.TOLERANT.decodePath(raw);
    } catch (MalformedUriException e) {
      throw new CofferException(ErrorCode.INVALID_URI);
    }
  }

  /** A raw query (without the {@code ?}), parsed once for routing and verification alike. */
  public static Query parseQuery(String raw) {
    try {
      return UriCodec.TOLERANT.parseQuery(raw);
    } catch (MalformedUriException e) {
      throw new CofferException(ErrorCode.INVALID_URI);
    }
  }
}
