package io.coffer.model;

/** A bucket's public access block: the four flags of AWS's PublicAccessBlockConfiguration. */
public record PublicAccessBlock(
    boolean blockPublicAcls,
    boolean ignorePublicAcls,
    boolean blockPublicPolicy,
    boolean restrictPublicBuckets) {
  /** No flag set: what a bucket without a configuration has. */
  public static final PublicAccessBlock NONE = new PublicAccessBlock(false, false, false, false);
}
