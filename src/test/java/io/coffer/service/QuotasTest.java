package io.coffer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The quota decision and the limit on a streaming body of unknown length. */
class QuotasTest {

  @Test
  void aWriteThatFitsExactlyIsAllowedAndTheRoomIsReturned() {
    assertThat(Quotas.require(100, 40, 60)).isEqualTo(60);
    assertThat(Quotas.require(100, 40, -1)).isEqualTo(60);
  }

  @Test
  void aWriteOneBytePastTheQuotaIsRefused() {
    assertThatThrownBy(() -> Quotas.require(100, 40, 61))
        .isInstanceOfSatisfying(
            CofferException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED));
  }

  @Test
  void aBucketAlreadyPastItsQuotaTakesOnlyEmptyWrites() {
    assertThat(Quotas.require(100, 150, 0)).isZero();
    assertThatThrownBy(() -> Quotas.require(100, 150, 1)).isInstanceOf(CofferException.class);
  }

  @Test
  void aLimitedBodyGivesItsRoomThenFails() throws Exception {
    InputStream limited = Quotas.limit(new ByteArrayInputStream(new byte[10]), 6);
    byte[] buffer = new byte[4];
    assertThat(limited.read(buffer)).isEqualTo(4);
    assertThat(limited.read()).isZero();
    assertThat(limited.read()).isZero();
    assertThatThrownBy(() -> limited.read(buffer))
        .isInstanceOfSatisfying(
            CofferException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED));
  }

  @Test
  void aBodyWithinItsRoomReadsToTheEnd() throws Exception {
    InputStream limited = Quotas.limit(new ByteArrayInputStream(new byte[6]), 6);
    assertThat(limited.readAllBytes()).hasSize(6);
  }

  @Test
  void withoutAQuotaTheBodyIsNotWrapped() {
    InputStream body = new ByteArrayInputStream(new byte[1]);
    assertThat(Quotas.limit(body, Quotas.UNLIMITED)).isSameAs(body);
  }
}
