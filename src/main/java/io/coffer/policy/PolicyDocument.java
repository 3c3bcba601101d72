package io.coffer.policy;

/** A policy document, parsed and compiled once, evaluated per request. */
public final class PolicyDocument {
  private final String json;

  private PolicyDocument(String json) {
    this.json = json;
  }

  /**
   * Parses and compiles a document.
   *
   * @throws MalformedPolicyException with AWS's message when the document is refused
   */
  public static PolicyDocument parse(String json, PolicyKind kind) throws MalformedPolicyException {
    throw new UnsupportedOperationException("policy engine not written yet");
  }

  /** What this document says of the request: DENY, ALLOW, or NONE when no statement applies. */
  public Decision evaluate(PolicyRequest request) {
    throw new UnsupportedOperationException("policy engine not written yet");
  }

  /** The document as it was given. */
  public String json() {
    return json;
  }

  /**
   * Whether the document is public by AWS's definition (GetBucketPolicyStatus, BlockPublicPolicy):
   * some Allow statement applies to every principal ({@code "*"}) without a condition that fixes
   * the caller to known values (aws:SourceIp ranges, aws:userid, ...).
   */
  public boolean isPublic() {
    throw new UnsupportedOperationException("policy engine not written yet");
  }
}
