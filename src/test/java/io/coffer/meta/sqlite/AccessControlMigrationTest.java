package io.coffer.meta.sqlite;

import static io.coffer.meta.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.meta.Fixtures;
import io.coffer.model.Bucket;
import io.coffer.model.Credential;
import io.coffer.model.NewCredential;
import io.coffer.model.ObjectOwnership;
import io.coffer.model.PolicyTargets;
import io.coffer.model.WritePrecondition;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema version 6: a version 5 database keeps its credentials and buckets, its buckets keep ACLs
 * disabled (BucketOwnerEnforced), and the identity tables start empty and work.
 */
class AccessControlMigrationTest {
  @TempDir Path dir;

  @Test
  void aVersionFiveDatabaseMigratesToVersionSix() throws Exception {
    Path db = dir.resolve("meta.db");
    Credential alice;
    Credential bob;
    try (SqliteMetadataStore store = SqliteMetadataStore.open(db, true)) {
      alice = store.createCredential("AKALICE", "secret-a", "alice", T0);
      bob = store.createCredential("AKBOB", "secret-b", "bob", T0);
      store.createBucket("b", alice.id(), "r", T0, false);
      store.createBucket("c", bob.id(), "r", T0, true);
      Fixtures.put(store, Fixtures.object("b", "k", "s1", 10, "e1"), WritePrecondition.NONE);
      store.createPolicy("p1", "{}", T0);
      store.createGroup("g", List.of(alice.id()), List.of("p1"), T0);
    }
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = raw.createStatement()) {
      SchemaDowngrade.toVersion5(s);
    }
    try (SqliteMetadataStore store = SqliteMetadataStore.open(db, true)) {
      assertThat(store.listCredentials()).containsExactly(alice, bob);
      assertThat(store.findCredentialByAccessKey("AKALICE").orElseThrow().secretKey())
          .isEqualTo("secret-a");
      assertThat(store.listBuckets()).extracting(Bucket::name).containsExactly("b", "c");
      for (Bucket b : store.listBuckets()) {
        assertThat(b.access().ownership()).isEqualTo(ObjectOwnership.BUCKET_OWNER_ENFORCED);
        assertThat(b.access().policy()).isNull();
        assertThat(b.access().acl()).isNull();
        assertThat(b.access().publicAccessBlock()).isNull();
      }
      assertThat(store.findBucketRef("b").orElseThrow().access().ownership())
          .isEqualTo(ObjectOwnership.BUCKET_OWNER_ENFORCED);
      assertThat(store.findBucket("b").orElseThrow().objectCount()).isEqualTo(1);
      assertThat(store.findObject("b", "k")).isPresent();
      assertThat(store.findBucket("c").orElseThrow().objectLock()).isTrue();

      // the new tables are empty, and usable
      assertThat(store.listPolicies()).isEmpty();
      assertThat(store.listGroups()).isEmpty();
      assertThat(store.groupsOf(alice.id())).isEmpty();
      assertThat(store.policiesAttachedTo(alice.id())).isEmpty();
      store.createPolicy("p1", "{}", T0);
      store.createGroup("g", List.of(alice.id()), List.of("p1"), T0);
      store.attachPolicies(bob.id(), List.of("p1"));
      assertThat(store.policyTargets("p1"))
          .isEqualTo(new PolicyTargets(List.of(bob.id()), List.of("g")));
      Credential sa =
          store.createCredential(
              new NewCredential("AKSA", "s", "ci", alice.id(), T0, "{}", List.of(), List.of()), T0);
      assertThat(store.findCredential(sa.id()).orElseThrow().parentId()).isEqualTo(alice.id());
    }
  }
}
