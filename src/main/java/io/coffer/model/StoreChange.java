package io.coffer.model;

/**
 * A change another node (or this one) committed that per-node caches must forget: told to the
 * store's change listener, so that caches of credentials, identity policies, bucket settings and
 * keys follow changes made through any node.
 *
 * @param name what changed: an access key, a bucket name, a key name; empty with {@link Kind#ALL}
 */
public record StoreChange(Kind kind, String name) {
  public static final StoreChange ALL = new StoreChange(Kind.ALL, "");

  public enum Kind {
    /** A credential (by access key): created, changed, deleted. */
    CREDENTIAL,
    /** Policies, groups or attachments: any identity's permissions may differ. */
    IDENTITY,
    /** A bucket (by name): created, deleted, or one of its settings changed. */
    BUCKET,
    /** A KMS key (by name). */
    KMS_KEY,
    /** Anything may have changed (the change feed was interrupted): forget everything. */
    ALL
  }
}
