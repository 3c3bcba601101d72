package io.coffer.model;

/**
 * A condition on the current version of a key, checked atomically with the write that depends on
 * it (conditional writes as Terraform state locking uses them).
 *
 * @param ifMatch the write succeeds only if the current ETag equals this (quoted or not); null for
 *     no condition
 * @param ifNoneMatchAny the write succeeds only if the key does not exist
 */
public record WritePrecondition(String ifMatch, boolean ifNoneMatchAny) {
  public static final WritePrecondition NONE = new WritePrecondition(null, false);

  public boolean isNone() {
    return ifMatch == null && !ifNoneMatchAny;
  }
}
