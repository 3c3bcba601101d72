package io.coffer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.ObjectMeta;
import io.coffer.model.Storage;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 412 is an error; 304 is an answer, returned rather than thrown. */
class ReadConditionsTest {
  private static final Instant MODIFIED = Instant.parse("2026-01-02T03:04:05.678Z");
  private static final ObjectMeta OBJECT =
      new ObjectMeta(
          "b",
          "k",
          1,
          "abc",
          null,
          Map.of(),
          Map.of(),
          null,
          MODIFIED,
          MODIFIED,
          new Storage.Inline(new byte[] {1}),
          "null",
          io.coffer.model.ObjectLock.NONE,
          null,
          Map.of(),
          null);

  @Test
  void noConditionsReadTheObject() {
    assertThat(ReadConditions.NONE.notModified(OBJECT)).isFalse();
  }

  @Test
  void aMatchingIfNoneMatchIsNotModified() {
    assertThat(new ReadConditions(null, "\"abc\"", null, null).notModified(OBJECT)).isTrue();
    assertThat(new ReadConditions(null, "\"other\"", null, null).notModified(OBJECT)).isFalse();
  }

  @Test
  void ifModifiedSinceComparesWholeSeconds() {
    Instant second = MODIFIED.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    assertThat(new ReadConditions(null, null, second, null).notModified(OBJECT)).isTrue();
    assertThat(new ReadConditions(null, null, second.minusSeconds(1), null).notModified(OBJECT))
        .isFalse();
  }

  @Test
  void ifNoneMatchOverridesIfModifiedSince() {
    assertThat(
            new ReadConditions(null, "\"other\"", MODIFIED.plusSeconds(60), null)
                .notModified(OBJECT))
        .isFalse();
  }

  @Test
  void aFailedIfMatchIsAnError() {
    assertThatThrownBy(() -> new ReadConditions("\"other\"", null, null, null).notModified(OBJECT))
        .isInstanceOfSatisfying(
            CofferException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.PRECONDITION_FAILED));
  }
}
