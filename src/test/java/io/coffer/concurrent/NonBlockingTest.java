package io.coffer.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NonBlockingTest {
  private final List<String> discarded = new ArrayList<>();

  @Test
  void workThatNeverWaitsIsAnswered() {
    assertThat(NonBlocking.attempt(() -> "done", discarded::add)).isEqualTo("done");
    assertThat(discarded).isEmpty();
  }

  @Test
  void workThatWouldWaitIsGivenUp() {
    String result =
        NonBlocking.attempt(
            () -> {
              NonBlocking.mayBlock();
              return "waited";
            },
            discarded::add);
    assertThat(result).isNull();
    assertThat(discarded).isEmpty();
  }

  @Test
  void aRefusalCaughtOnTheWayStillGivesUpAndDiscardsTheResult() {
    String result =
        NonBlocking.attempt(
            () -> {
              try {
                NonBlocking.mayBlock();
              } catch (RuntimeException swallowed) {
                assertThat(NonBlocking.refused()).isTrue();
              }
              return "half done";
            },
            discarded::add);
    assertThat(result).isNull();
    assertThat(discarded).containsExactly("half done");
  }

  @Test
  void outsideAnAttemptNothingIsRefused() {
    NonBlocking.mayBlock();
    assertThat(NonBlocking.refused()).isFalse();
    NonBlocking.attempt(
        () -> {
          NonBlocking.mayBlock();
          return "";
        },
        discarded::add);
    NonBlocking.mayBlock(); // the attempt is over: this thread may wait again
    assertThat(NonBlocking.refused()).isFalse();
  }

  @Test
  void attemptsDoNotNest() {
    assertThatThrownBy(
            () ->
                NonBlocking.attempt(
                    () -> NonBlocking.attempt(() -> "", discarded::add), discarded::add))
        .isInstanceOf(IllegalStateException.class);
    assertThat(NonBlocking.attempt(() -> "again", discarded::add)).isEqualTo("again");
  }
}
