package io.coffer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.meta.sqlite.SqliteMetadataStore;
import io.coffer.model.CofferException;
import io.coffer.model.Credential;
import io.coffer.model.ErrorCode;
import io.coffer.policy.PolicyDocument;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IdentityService over a real store: which compiled policies apply to a credential, and that every
 * change is seen at once.
 */
class IdentityServiceTest {
  static final String DOC =
      "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\":"
          + " \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::photos/*\"}]}";

  @TempDir Path dir;
  SqliteMetadataStore store;
  CredentialService credentials;
  IdentityService identities;
  Credential alice;

  @BeforeEach
  void open() {
    store = SqliteMetadataStore.open(dir.resolve("meta.db"), false);
    Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
    credentials = new CredentialService(store, clock);
    identities = credentials.identities();
    alice = credentials.create("alice", null, null);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static List<String> json(List<PolicyDocument> docs) {
    return docs.stream().map(PolicyDocument::json).toList();
  }

  @Test
  void aCredentialWithoutPoliciesHasNoneAndTheAnswerIsCached() {
    assertThat(identities.policiesOf(alice)).isEmpty();
    long statements = store.statementCount();
    assertThat(identities.policiesOf(alice)).isEmpty();
    assertThat(store.statementCount()).isEqualTo(statements);
    assertThat(identities.sessionPolicyOf(alice)).isNull();
  }

  @Test
  void builtInPoliciesCannotBeChangedDeletedOrShadowed() {
    assertThat(identities.listPolicies())
        .extracting(p -> p.name())
        .containsExactly("admin", "readonly", "readwrite", "writeonly");
    assertCode(() -> identities.updatePolicy("readonly", DOC), ErrorCode.BUILT_IN_POLICY);
    assertCode(() -> identities.deletePolicy("admin"), ErrorCode.BUILT_IN_POLICY);
    assertCode(() -> identities.createPolicy("readwrite", DOC), ErrorCode.POLICY_ALREADY_EXISTS);
    assertCode(() -> identities.createPolicy("", DOC), ErrorCode.INVALID_ARGUMENT);
    assertCode(() -> identities.createPolicy("x".repeat(129), DOC), ErrorCode.INVALID_ARGUMENT);
    assertCode(
        () -> identities.createGroup("a b", List.of(), List.of()), ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void policiesOfACredentialComeFromItAndItsGroupsAndFollowEveryChange() {
    identities.createPolicy("photos", DOC);
    identities.attachPolicies(alice.id(), List.of("readonly"));
    assertThat(json(identities.policiesOf(alice)))
        .containsExactly(identities.getPolicy("readonly").document());

    identities.createGroup("g", List.of(alice.id()), List.of("photos"));
    assertThat(json(identities.policiesOf(alice)))
        .containsExactlyInAnyOrder(identities.getPolicy("readonly").document(), DOC);

    String narrower = DOC.replace("photos/*", "photos/public/*");
    identities.updatePolicy("photos", narrower);
    assertThat(json(identities.policiesOf(alice))).contains(narrower).doesNotContain(DOC);

    identities.updateGroup("g", List.of(), null);
    identities.attachPolicies(alice.id(), List.of());
    assertThat(identities.policiesOf(alice)).isEmpty();
  }

  @Test
  void aServiceAccountActsWithItsParentsPoliciesNarrowedByItsOwn() {
    identities.attachPolicies(alice.id(), List.of("readwrite"));
    Credential sa =
        credentials.create(
            new CredentialService.Spec(
                "ci", null, null, alice.id(), null, DOC, List.of(), List.of()));
    assertThat(json(identities.policiesOf(sa)))
        .containsExactly(identities.getPolicy("readwrite").document());
    assertThat(identities.sessionPolicyOf(sa).json()).isEqualTo(DOC);
    assertCode(
        () ->
            credentials.create(
                new CredentialService.Spec(
                    "bad",
                    null,
                    null,
                    alice.id(),
                    null,
                    "{\"Statement\": 5}",
                    List.of(),
                    List.of())),
        ErrorCode.MALFORMED_POLICY);
  }

  static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode c) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(CofferException.class, e -> assertThat(e.code()).isEqualTo(c));
  }
}
