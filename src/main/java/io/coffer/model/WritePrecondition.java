package io.coffer.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A condition on the current version of a key, checked atomically with the write that depends on it
 * (conditional writes as Terraform state locking uses them).
 *
 * @param ifMatch the write succeeds only if the current ETag equals this (quoted or not); null for
 *     no condition
 * @param ifNoneMatchAny the write succeeds only if the key does not exist
 * @param ifNoneMatchEtags the write succeeds only if the current version's ETag is none of these
 *     (unquoted; an absent key passes), as RFC 9110 defines If-None-Match with entity tags
 */
public record WritePrecondition(
    @Nullable String ifMatch, boolean ifNoneMatchAny, List<String> ifNoneMatchEtags) {
  public static final WritePrecondition NONE = new WritePrecondition(null, false);

  public WritePrecondition {
    ifNoneMatchEtags = ifNoneMatchEtags == null ? List.of() : List.copyOf(ifNoneMatchEtags);
  }

  public WritePrecondition(@Nullable String ifMatch, boolean ifNoneMatchAny) {
    this(ifMatch, ifNoneMatchAny, List.of());
  }

  public boolean isNone() {
    return ifMatch == null && !ifNoneMatchAny && ifNoneMatchEtags.isEmpty();
  }

  /**
   * Whether If-None-Match refuses a write over a current version with this ETag (quoted or not).
   */
  public boolean noneMatchRefuses(String currentEtag) {
    return ifNoneMatchAny || ifNoneMatchEtags.contains(unquote(currentEtag));
  }

  /** An entity tag without its quotes and weakness prefix. */
  public static String unquote(String etag) {
    String s = etag.trim();
    if (s.startsWith("W/")) {
      s = s.substring(2);
    }
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      s = s.substring(1, s.length() - 1);
    }
    return s;
  }
}
