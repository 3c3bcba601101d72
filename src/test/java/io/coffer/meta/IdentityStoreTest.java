package io.coffer.meta;

import static io.coffer.meta.Fixtures.T0;
import static io.coffer.meta.MetadataStoreTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.model.Credential;
import io.coffer.model.ErrorCode;
import io.coffer.model.ManagedPolicy;
import io.coffer.model.NewCredential;
import io.coffer.model.PolicyTargets;
import io.coffer.model.UserGroup;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Managed policies, groups, attachments and service accounts in the store. */
@ParameterizedClass(name = "{0}")
@EnumSource(Stores.Kind.class)
class IdentityStoreTest {
  @Parameter Stores.Kind kind;
  Stores stores;
  static final String DOC = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
  static final Instant T1 = T0.plusSeconds(60);

  @TempDir Path dir;
  MetadataStore store;
  Credential alice;
  Credential bob;

  @BeforeEach
  void open() {
    stores = Stores.create(kind, dir);
    store = stores.open(true);
    alice = store.createCredential("AKALICE", "secret", "alice", T0);
    bob = store.createCredential("AKBOB", "secret", "bob", T0);
  }

  @AfterEach
  void close() {
    stores.close();
  }

  @Test
  void policiesAreCreatedUpdatedListedAndDeleted() {
    ManagedPolicy p = store.createPolicy("p1", DOC, T0);
    assertThat(p).isEqualTo(new ManagedPolicy("p1", DOC, T0, T0));
    store.createPolicy("a0", DOC, T0);
    assertCode(() -> store.createPolicy("p1", DOC, T0), ErrorCode.POLICY_ALREADY_EXISTS);
    assertCode(() -> store.createPolicy("readonly", DOC, T0), ErrorCode.POLICY_ALREADY_EXISTS);
    assertThat(store.updatePolicy("p1", "{}", T1)).isEqualTo(new ManagedPolicy("p1", "{}", T0, T1));
    assertThat(store.findPolicy("p1")).contains(new ManagedPolicy("p1", "{}", T0, T1));
    assertThat(store.listPolicies()).extracting(ManagedPolicy::name).containsExactly("a0", "p1");
    assertCode(() -> store.updatePolicy("nope", DOC, T1), ErrorCode.NO_SUCH_POLICY);
    store.deletePolicy("p1");
    assertThat(store.findPolicy("p1")).isEmpty();
    assertCode(() -> store.deletePolicy("p1"), ErrorCode.NO_SUCH_POLICY);
    assertCode(() -> store.deletePolicy("readonly"), ErrorCode.NO_SUCH_POLICY);
  }

  @Test
  void attachingReplacesTheSetAndAnAttachedPolicyCannotBeDeleted() {
    store.createPolicy("p1", DOC, T0);
    store.createPolicy("p2", DOC, T0);
    store.attachPolicies(alice.id(), List.of("p2", "p1", "readonly"));
    assertThat(store.policiesAttachedTo(alice.id())).containsExactly("p1", "p2", "readonly");
    store.attachPolicies(alice.id(), List.of("p2"));
    assertThat(store.policiesAttachedTo(alice.id())).containsExactly("p2");
    assertThat(store.policyTargets("p2"))
        .isEqualTo(new PolicyTargets(List.of(alice.id()), List.of()));
    assertThat(store.policyTargets("p1")).isEqualTo(PolicyTargets.NONE);
    assertCode(() -> store.deletePolicy("p2"), ErrorCode.POLICY_IN_USE);
    // an unknown name changes nothing
    assertCode(
        () -> store.attachPolicies(alice.id(), List.of("p1", "nope")), ErrorCode.NO_SUCH_POLICY);
    assertThat(store.policiesAttachedTo(alice.id())).containsExactly("p2");
    assertCode(() -> store.attachPolicies(999, List.of("p1")), ErrorCode.NO_SUCH_CREDENTIAL);
    store.attachPolicies(alice.id(), List.of());
    store.deletePolicy("p2");
    assertThat(store.policiesAttachedTo(alice.id())).isEmpty();
  }

  @Test
  void groupsHoldMembersAndPolicies() {
    store.createPolicy("p1", DOC, T0);
    UserGroup g =
        store.createGroup("devs", List.of(bob.id(), alice.id()), List.of("p1", "readonly"), T0);
    assertThat(g)
        .isEqualTo(
            new UserGroup("devs", List.of(alice.id(), bob.id()), List.of("p1", "readonly"), T0));
    assertCode(
        () -> store.createGroup("devs", List.of(), List.of(), T0), ErrorCode.GROUP_ALREADY_EXISTS);
    assertCode(
        () -> store.createGroup("x", List.of(999L), List.of(), T0), ErrorCode.NO_SUCH_CREDENTIAL);
    assertCode(
        () -> store.createGroup("x", List.of(), List.of("nope"), T0), ErrorCode.NO_SUCH_POLICY);
    assertThat(store.findGroup("x")).isEmpty();
    store.createGroup("ops", List.of(alice.id()), List.of(), T0);
    assertThat(store.groupsOf(alice.id())).containsExactly("devs", "ops");
    assertThat(store.policyTargets("p1")).isEqualTo(new PolicyTargets(List.of(), List.of("devs")));
    assertCode(() -> store.deletePolicy("p1"), ErrorCode.POLICY_IN_USE);

    UserGroup members = store.updateGroup("devs", List.of(bob.id()), null);
    assertThat(members.members()).containsExactly(bob.id());
    assertThat(members.policies()).containsExactly("p1", "readonly");
    UserGroup policies = store.updateGroup("devs", null, List.of("readonly"));
    assertThat(policies.members()).containsExactly(bob.id());
    assertThat(policies.policies()).containsExactly("readonly");
    assertCode(() -> store.updateGroup("nope", null, null), ErrorCode.NO_SUCH_GROUP);
    assertThat(store.listGroups()).extracting(UserGroup::name).containsExactly("devs", "ops");

    store.deleteGroup("devs");
    assertThat(store.findGroup("devs")).isEmpty();
    assertThat(store.groupsOf(bob.id())).isEmpty();
    assertThat(store.policyTargets("readonly")).isEqualTo(PolicyTargets.NONE);
    assertCode(() -> store.deleteGroup("devs"), ErrorCode.NO_SUCH_GROUP);
    store.deletePolicy("p1");
  }

  @Test
  void aCredentialIsCreatedWithPoliciesGroupsAndServiceAccountFields() {
    store.createGroup("devs", List.of(), List.of(), T0);
    Credential carol =
        store.createCredential(
            new NewCredential(
                "AKCAROL", "s", "carol", null, null, null, List.of("readonly"), List.of("devs")),
            T0);
    assertThat(store.policiesAttachedTo(carol.id())).containsExactly("readonly");
    assertThat(store.groupsOf(carol.id())).containsExactly("devs");
    assertThat(carol.parentId()).isNull();

    Credential sa =
        store.createCredential(
            new NewCredential("AKSA", "s", "ci", carol.id(), T1, DOC, List.of(), List.of()), T0);
    assertThat(sa.parentId()).isEqualTo(carol.id());
    assertThat(sa.expiresAt()).isEqualTo(T1);
    assertThat(sa.inlinePolicy()).isEqualTo(DOC);
    assertThat(store.findCredentialByAccessKey("AKSA")).contains(sa);
    assertThat(sa.expired(T0)).isFalse();
    assertThat(sa.expired(T1)).isTrue();

    assertCode(
        () ->
            store.createCredential(
                new NewCredential("AKX", "s", "x", sa.id(), null, null, List.of(), List.of()), T0),
        ErrorCode.INVALID_ARGUMENT);
    assertCode(
        () ->
            store.createCredential(
                new NewCredential("AKX", "s", "x", 999L, null, null, List.of(), List.of()), T0),
        ErrorCode.NO_SUCH_CREDENTIAL);
    assertCode(
        () ->
            store.createCredential(
                new NewCredential("AKX", "s", "x", null, null, null, List.of(), List.of("nope")),
                T0),
        ErrorCode.NO_SUCH_GROUP);
    // nothing of a refused creation stays
    assertThat(store.findCredentialByAccessKey("AKX")).isEmpty();
  }

  @Test
  void deletingACredentialTakesItsServiceAccountsMembershipsAndAttachments() {
    store.createGroup("devs", List.of(alice.id()), List.of(), T0);
    store.attachPolicies(alice.id(), List.of("readwrite"));
    Credential sa =
        store.createCredential(
            new NewCredential("AKSA", "s", "ci", alice.id(), null, null, List.of(), List.of()), T0);
    store.createPresignedUrl("h1", "b", "k", "GET", sa.id(), T1, T0);
    store.createPresignedUrl("h2", "b", "k", "GET", alice.id(), T1, T0);

    assertThat(store.deleteCredential(alice.id())).containsExactly(sa);

    assertThat(store.findCredential(alice.id())).isEmpty();
    assertThat(store.findCredential(sa.id())).isEmpty();
    assertThat(store.findGroup("devs").orElseThrow().members()).isEmpty();
    assertThat(store.policyTargets("readwrite")).isEqualTo(PolicyTargets.NONE);
    assertThat(store.findPresignedUrlByHash("h1").orElseThrow().revoked()).isTrue();
    assertThat(store.findPresignedUrlByHash("h2").orElseThrow().revoked()).isTrue();
    assertThat(store.stats(T0).credentials()).isEqualTo(1);
  }

  @Test
  void aCredentialOwningBucketsIsNotDeletedNorAreItsServiceAccounts() {
    store.createBucket("b", alice.id(), "r", T0, false);
    Credential sa =
        store.createCredential(
            new NewCredential("AKSA", "s", "ci", alice.id(), null, null, List.of(), List.of()), T0);
    assertCode(() -> store.deleteCredential(alice.id()), ErrorCode.CREDENTIAL_IN_USE);
    assertThat(store.findCredential(sa.id())).isPresent();
  }
}
