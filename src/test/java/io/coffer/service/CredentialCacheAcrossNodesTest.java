package io.coffer.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.PostgresDatabase;
import io.coffer.meta.postgres.PostgresMetadataStore;
import io.coffer.model.Credential;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * Two nodes' CredentialServices, each caching access keys, on two PostgreSQL stores sharing one
 * database: a credential disabled through one node is refused by the other within a second.
 */
class CredentialCacheAcrossNodesTest {

  @Test
  void aCredentialDisabledThroughOneNodeIsInactiveOnTheOtherWithinASecond() throws Exception {
    try (PostgresDatabase database = PostgresDatabase.create();
        PostgresMetadataStore store1 = PostgresMetadataStore.open(database.url(), null, "n1");
        PostgresMetadataStore store2 = PostgresMetadataStore.open(database.url(), null, "n2")) {
      CredentialService node1 = new CredentialService(store1, Clock.systemUTC());
      CredentialService node2 = new CredentialService(store2, Clock.systemUTC());
      store1.setChangeListener(node1::changed);
      store2.setChangeListener(node2::changed);
      Credential created = node1.create("alice", "AKALICE0001", "secret-secret");
      Credential child =
          node1.create(
              new CredentialService.Spec(
                  null,
                  "AKALICECHILD",
                  "secret-secret",
                  created.id(),
                  null,
                  null,
                  java.util.List.of(),
                  java.util.List.of()));
      assertThat(node2.findByAccessKey("AKALICE0001"))
          .hasValueSatisfying(c -> assertThat(c.active()).isTrue());
      assertThat(node2.findByAccessKey(child.accessKey()))
          .hasValueSatisfying(c -> assertThat(c.active()).isTrue());

      node1.update(created.id(), null, false);
      long deadline = System.currentTimeMillis() + 1000;
      while (node2.findByAccessKey("AKALICE0001").orElseThrow().active()
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(10);
      }
      assertThat(node2.findByAccessKey("AKALICE0001").orElseThrow().active()).isFalse();
      assertThat(node2.findByAccessKey(child.accessKey()).orElseThrow().active())
          .as("its service account, cached as of its parent's state, follows")
          .isFalse();
    }
  }
}
