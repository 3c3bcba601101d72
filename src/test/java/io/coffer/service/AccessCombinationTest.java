package io.coffer.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.model.Acl;
import io.coffer.model.BucketAccess;
import io.coffer.model.BucketFeatures;
import io.coffer.model.BucketRef;
import io.coffer.model.Credential;
import io.coffer.model.Grant;
import io.coffer.model.Grantee;
import io.coffer.model.ObjectOwnership;
import io.coffer.model.Permission;
import io.coffer.model.PublicAccessBlock;
import io.coffer.model.Versioning;
import io.coffer.policy.MalformedPolicyException;
import io.coffer.policy.PolicyDocument;
import io.coffer.policy.PolicyKind;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * How {@link Access} combines what applies to a request: identity policies, a service account's own
 * policy, the bucket policy, the bucket owner, ACLs and the public access block.
 */
class AccessCombinationTest {
  private static final long ALICE_ID = 1;
  private static final Credential ALICE = credential(ALICE_ID, "alice", null, null);
  private static final Credential BOB = credential(2, "bob", null, null);
  private static final Caller ANONYMOUS = new Caller.Anonymous(RequestContext.NONE);

  private final Map<Long, List<PolicyDocument>> attached = new HashMap<>();
  private final Map<Long, PolicyDocument> sessions = new HashMap<>();
  private final Access access =
      new Access(
          new IdentityPolicies() {
            @Override
            public List<PolicyDocument> policiesOf(Credential credential) {
              return attached.getOrDefault(credential.principalId(), List.of());
            }

            @Override
            public @Nullable PolicyDocument sessionPolicyOf(Credential credential) {
              return sessions.get(credential.id());
            }
          },
          Clock.systemUTC());

  private static Credential credential(
      long id, String name, @Nullable Long parent, @Nullable String inline) {
    return new Credential(
        id,
        "AK" + name.toUpperCase(),
        "secret-" + name,
        name,
        true,
        Instant.EPOCH,
        parent,
        null,
        inline);
  }

  private static BucketRef bucket(BucketAccess access) {
    return new BucketRef(
        "id", ALICE_ID, Versioning.UNVERSIONED, false, null, access, BucketFeatures.NONE);
  }

  private static BucketAccess withPolicy(String statements) {
    return new BucketAccess(
        "{\"Version\": \"2012-10-17\", \"Statement\": [" + statements + "]}",
        null,
        ObjectOwnership.OBJECT_WRITER,
        null);
  }

  private static PolicyDocument identity(String statements) throws MalformedPolicyException {
    return PolicyDocument.parse(
        "{\"Version\": \"2012-10-17\", \"Statement\": [" + statements + "]}", PolicyKind.IDENTITY);
  }

  private Access.Verdict decide(Caller caller, Action action, BucketRef ref, @Nullable String key) {
    return access.decide(caller, action, "b", ref, ref.ownerId(), key);
  }

  @Test
  void theOwnerMayDoAnythingUnlessTheBucketPolicyDeniesIt() {
    BucketRef ref =
        bucket(
            withPolicy(
                "{\"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"s3:DeleteObject\","
                    + " \"Resource\": \"arn:aws:s3:::b/locked/*\"}"));
    Caller alice = new Caller.User(ALICE);
    assertThat(decide(alice, Action.DELETE_OBJECT, ref, "locked/x"))
        .isEqualTo(Access.Verdict.DENIED);
    assertThat(decide(alice, Action.DELETE_OBJECT, ref, "open/x"))
        .isEqualTo(Access.Verdict.ALLOWED);
    assertThat(decide(alice, Action.PUT_BUCKET_POLICY, ref, null))
        .isEqualTo(Access.Verdict.ALLOWED);
  }

  @Test
  void anIdentityDenyBeatsABucketPolicyAllow() throws Exception {
    BucketRef ref =
        bucket(
            withPolicy(
                "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"AKBOB\"}, \"Action\": \"s3:*\","
                    + " \"Resource\": \"arn:aws:s3:::b/*\"}"));
    Caller bob = new Caller.User(BOB);
    assertThat(decide(bob, Action.GET_OBJECT, ref, "k")).isEqualTo(Access.Verdict.ALLOWED);
    attached.put(
        2L,
        List.of(
            identity("{\"Effect\": \"Deny\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}")));
    assertThat(decide(bob, Action.GET_OBJECT, ref, "k")).isEqualTo(Access.Verdict.DENIED);
    assertThat(decide(bob, Action.PUT_OBJECT, ref, "k")).isEqualTo(Access.Verdict.ALLOWED);
  }

  @Test
  void aServiceAccountsOwnPolicyNarrowsItsParentsRights() throws Exception {
    Credential job = credential(9, "job", ALICE_ID, "inline");
    sessions.put(
        9L,
        identity(
            "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\":"
                + " \"arn:aws:s3:::b/reports/*\"}"));
    Caller caller = new Caller.User(job);
    BucketRef ref = bucket(BucketAccess.of(ObjectOwnership.OBJECT_WRITER));
    assertThat(caller.id()).isEqualTo(ALICE_ID);
    assertThat(decide(caller, Action.GET_OBJECT, ref, "reports/q1"))
        .isEqualTo(Access.Verdict.ALLOWED);
    assertThat(decide(caller, Action.GET_OBJECT, ref, "other")).isEqualTo(Access.Verdict.DENIED);
    assertThat(decide(caller, Action.PUT_OBJECT, ref, "reports/q1"))
        .isEqualTo(Access.Verdict.DENIED);
  }

  @Test
  void restrictPublicBucketsTakesAPublicPolicyFromAnonymousCallersOnly() {
    String everyone =
        "{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\","
            + " \"Resource\": \"arn:aws:s3:::b/*\"}";
    BucketAccess open = withPolicy(everyone);
    BucketAccess restricted =
        new BucketAccess(
            open.policy(),
            null,
            ObjectOwnership.OBJECT_WRITER,
            new PublicAccessBlock(false, false, false, true));
    assertThat(decide(ANONYMOUS, Action.GET_OBJECT, bucket(open), "k"))
        .isEqualTo(Access.Verdict.ALLOWED);
    assertThat(decide(ANONYMOUS, Action.GET_OBJECT, bucket(restricted), "k"))
        .isNotEqualTo(Access.Verdict.ALLOWED);
    assertThat(decide(new Caller.User(BOB), Action.GET_OBJECT, bucket(restricted), "k"))
        .isEqualTo(Access.Verdict.ALLOWED);
  }

  @Test
  void bucketAclGrantsCountWhileOwnershipEnablesThemAndNoBlockIgnoresThem() {
    Acl publicRead =
        new Acl(ALICE_ID, List.of(new Grant(Grantee.Group.ALL_USERS, Permission.READ)));
    BucketAccess enabled = new BucketAccess(null, publicRead, ObjectOwnership.OBJECT_WRITER, null);
    BucketAccess enforced =
        new BucketAccess(null, publicRead, ObjectOwnership.BUCKET_OWNER_ENFORCED, null);
    BucketAccess ignored =
        new BucketAccess(
            null,
            publicRead,
            ObjectOwnership.OBJECT_WRITER,
            new PublicAccessBlock(false, true, false, false));
    assertThat(decide(ANONYMOUS, Action.LIST_BUCKET, bucket(enabled), null))
        .isEqualTo(Access.Verdict.ALLOWED);
    assertThat(decide(ANONYMOUS, Action.PUT_OBJECT, bucket(enabled), "k"))
        .isEqualTo(Access.Verdict.DENIED);
    assertThat(decide(ANONYMOUS, Action.LIST_BUCKET, bucket(enforced), null))
        .isEqualTo(Access.Verdict.DENIED);
    assertThat(decide(ANONYMOUS, Action.LIST_BUCKET, bucket(ignored), null))
        .isEqualTo(Access.Verdict.DENIED);
  }

  @Test
  void anObjectReadNobodyElseAllowsIsLeftToTheVersionsAcl() {
    BucketRef ref = bucket(BucketAccess.of(ObjectOwnership.OBJECT_WRITER));
    Caller bob = new Caller.User(BOB);
    assertThat(decide(bob, Action.GET_OBJECT, ref, "k")).isEqualTo(Access.Verdict.OBJECT_ACL);
    assertThat(decide(bob, Action.DELETE_OBJECT, ref, "k")).isEqualTo(Access.Verdict.DENIED);
    Acl authenticatedRead =
        new Acl(ALICE_ID, List.of(new Grant(Grantee.Group.AUTHENTICATED_USERS, Permission.READ)));
    assertThat(access.objectAclAllows(bob, Action.GET_OBJECT, ref, authenticatedRead)).isTrue();
    assertThat(access.objectAclAllows(ANONYMOUS, Action.GET_OBJECT, ref, authenticatedRead))
        .isFalse();
    assertThat(access.objectAclAllows(bob, Action.GET_OBJECT_ACL, ref, authenticatedRead))
        .isFalse();
    assertThat(access.objectAclAllows(bob, Action.GET_OBJECT, ref, null)).isFalse();
    BucketRef enforced = bucket(BucketAccess.of(ObjectOwnership.BUCKET_OWNER_ENFORCED));
    assertThat(decide(bob, Action.GET_OBJECT, enforced, "k")).isEqualTo(Access.Verdict.DENIED);
  }

  @Test
  void anAnonymousCallerHasNoBucketsAndMakesNone() {
    assertThat(access.allows(ANONYMOUS, Action.LIST_ALL_MY_BUCKETS, null, null, -1, null))
        .isFalse();
    assertThat(access.allows(ANONYMOUS, Action.CREATE_BUCKET, "new", null, -1, null)).isFalse();
  }
}
