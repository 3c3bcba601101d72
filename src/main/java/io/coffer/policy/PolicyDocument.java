package io.coffer.policy;

import java.util.List;

/**
 * A policy document, parsed and compiled once, evaluated per request.
 *
 * <p>The semantics, as AWS documents them ("IAM JSON policy elements", "Condition operators",
 * "Condition with multiple keys or values"), with Coffer's choices where AWS leaves room:
 *
 * <ul>
 *   <li>{@link #evaluate}: DENY when any Deny statement applies, else ALLOW when any Allow
 *       statement applies, else NONE. A statement applies when its action, resource, principal
 *       (bucket policies) and every condition match.
 *   <li>Actions: {@code *} or {@code s3:<name>} with {@code *}/{@code ?}, compared without regard
 *       to case, expanded at parse time against every S3 action AWS documents; a pattern matching
 *       none, or another service's action, is "Policy has invalid action".
 *   <li>Resources: {@code *} or {@code arn:aws:s3:::<bucket>[/<key>]} with wildcards, compared
 *       case-sensitively; {@code *} and {@code arn:aws:s3:::*} also cover requests on no bucket
 *       (ListAllMyBuckets). A bucket policy ({@link #parseBucketPolicy}) may name only its bucket.
 *   <li>Policy variables ({@code ${aws:username}}, {@code ${key, 'default'}}, {@code ${*}}, {@code
 *       ${?}}, {@code ${$}}) in resources and in String/Arn condition values, only in documents of
 *       Version 2012-10-17 (without a Version, AWS's 2008-10-17, they are literal text). A variable
 *       whose key the request lacks makes that resource or value match nothing; a variable naming a
 *       key Coffer does not know refuses the document.
 *   <li>Principals (bucket policies only, required there, refused in identity policies): {@code *},
 *       {@code {"AWS": "*"}} (anyone, anonymous included), an account ({@code
 *       arn:aws:iam::<account>:root} or a 12-digit ID: every authenticated credential, Coffer being
 *       one account), a user ARN, an access key, a canonical user ID; see {@link PrincipalMatcher}.
 *   <li>Conditions: keys ANDed, values of one key ORed; absent keys, IfExists, ForAnyValue,
 *       ForAllValues and negated operators as {@link Condition} says. Condition keys are those of
 *       {@link ConditionKeys} (names without regard to case, tag keys as written); any other is
 *       "Policy has an invalid condition key". A value of the wrong type for its operator (a
 *       non-number for Numeric*, a bad date, CIDR, boolean or base64) refuses the document; a
 *       request value of the wrong type matches nothing. ArnEquals/ArnLike compare the whole ARN as
 *       one wildcard pattern.
 *   <li>{@link #isPublic}: see {@link PublicPolicy}.
 *   <li>Not checked (AWS does): whether an action applies to the statement's resource type ("Action
 *       does not apply to any resource(s) in statement"), uniqueness of Sids.
 * </ul>
 */
public final class PolicyDocument {
  private final String json;
  private final Statement[] statements;
  private final boolean isPublic;

  private PolicyDocument(String json, List<Statement> statements) {
    this.json = json;
    this.statements = statements.toArray(Statement[]::new);
    this.isPublic = PublicPolicy.isPublic(this.statements);
  }

  /**
   * Parses and compiles a document.
   *
   * @throws MalformedPolicyException with AWS's message when the document is refused
   */
  public static PolicyDocument parse(String json, PolicyKind kind) throws MalformedPolicyException {
    return new PolicyDocument(json, PolicyParser.parse(json, kind));
  }

  /**
   * Parses a bucket policy for {@code bucket}: {@link #parse parse(json, BUCKET)}, and every
   * Resource or NotResource must be the bucket ({@code arn:aws:s3:::bucket}) or objects in it
   * ({@code arn:aws:s3:::bucket/...}), else "Policy has invalid resource".
   */
  public static PolicyDocument parseBucketPolicy(String json, String bucket)
      throws MalformedPolicyException {
    List<Statement> statements = PolicyParser.parse(json, PolicyKind.BUCKET);
    for (Statement statement : statements) {
      if (!statement.namesOnlyBucket(bucket)) {
        throw new MalformedPolicyException(ResourcePattern.INVALID);
      }
    }
    return new PolicyDocument(json, statements);
  }

  /** What this document says of the request: DENY, ALLOW, or NONE when no statement applies. */
  public Decision evaluate(PolicyRequest request) {
    int action = S3Actions.indexOf(request.action());
    boolean allowed = false;
    for (Statement statement : statements) {
      if ((statement.allow && allowed) || !statement.applies(request, action)) {
        continue;
      }
      if (!statement.allow) {
        return Decision.DENY;
      }
      allowed = true;
    }
    return allowed ? Decision.ALLOW : Decision.NONE;
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
    return isPublic;
  }
}
