package io.coffer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.model.CofferException;
import io.coffer.model.Credential;
import io.coffer.model.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Without policies or ACLs, a credential uses only the buckets it owns; the administrator every
 * bucket.
 */
class AccessTest {
  private final Access access = new Access(IdentityPolicies.NONE, Clock.systemUTC());
  private static final Caller ALICE =
      new Caller.User(new Credential(7, "AKALICE", "secret-alice", "alice", true, Instant.EPOCH));

  @ParameterizedTest
  @EnumSource(Action.class)
  void anOwnerMayDoEverythingWithItsBucket(Action action) {
    assertThatCode(() -> access.require(ALICE, action, "b", null, 7, null))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @EnumSource(Action.class)
  void nobodyElseMay(Action action) {
    assertThatThrownBy(() -> access.require(ALICE, action, "b", null, 8, null))
        .isInstanceOfSatisfying(
            CofferException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ACCESS_DENIED));
  }

  @ParameterizedTest
  @EnumSource(Action.class)
  void theAdministratorMayDoEverything(Action action) {
    assertThatCode(() -> access.require(Caller.ADMIN, action, "b", null, 8, null))
        .doesNotThrowAnyException();
  }

  @Test
  void aCredentialMayNotListAnothersBuckets() {
    assertThatThrownBy(() -> access.require(ALICE, Action.LIST_ALL_MY_BUCKETS, null, null, 8, null))
        .isInstanceOf(CofferException.class);
  }
}
