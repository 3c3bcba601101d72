package io.coffer.service.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestHistoryTest {
  static final long START = 1_700_000_000_000L; // a multiple of ten seconds
  final AtomicLong now = new AtomicLong(START);
  final RequestHistory history = new RequestHistory(Duration.ofSeconds(10), 360, now::get);

  static CompletedRequest request(long at, String operation, int status, long millis) {
    return new CompletedRequest(
        at,
        "GET",
        "/b/k",
        "",
        operation,
        "b",
        status,
        millis * 1_000_000,
        10,
        100,
        "1.2.3.4",
        null);
  }

  @Test
  void anIdleHistoryIsAnHourOfEmptySlotsEndingWithTheCurrentOne() {
    now.set(START + 4_000);
    List<SlotSummary> slots = history.lastHour();
    assertThat(slots).hasSize(360);
    assertThat(slots.getLast().start()).isEqualTo(Instant.ofEpochMilli(START));
    assertThat(slots.getLast().seconds()).isEqualTo(4.0);
    assertThat(slots.getFirst().start()).isEqualTo(Instant.ofEpochMilli(START - 359 * 10_000L));
    assertThat(slots).allSatisfy(s -> assertThat(s.requests()).isZero());
    assertThat(slots.getLast().p50Millis()).isNull();
  }

  @Test
  void requestsCountInTheSlotTheyEndedIn() {
    history.completed(request(START + 1_000, "GetObject", 200, 5));
    history.completed(request(START + 2_000, "GetObject", 404, 5));
    history.completed(request(START + 3_000, "PutObject", 503, 5));
    history.completed(request(START + 12_000, "PutObject", 200, 5));
    now.set(START + 15_000);
    List<SlotSummary> slots = history.lastHour();
    SlotSummary first = slots.get(358);
    SlotSummary second = slots.get(359);
    assertThat(first.requests()).isEqualTo(3);
    assertThat(first.seconds()).isEqualTo(10.0);
    assertThat(first.byOperation()).containsEntry("GetObject", 2L).containsEntry("PutObject", 1L);
    assertThat(first.clientErrors()).isEqualTo(1);
    assertThat(first.serverErrors()).isEqualTo(1);
    assertThat(first.bytesIn()).isEqualTo(30);
    assertThat(first.bytesOut()).isEqualTo(300);
    assertThat(second.requests()).isEqualTo(1);
    assertThat(second.seconds()).isEqualTo(5.0);
  }

  @Test
  void percentilesComeFromTheSlotsOwnLatencies() {
    for (int i = 1; i <= 100; i++) {
      history.completed(request(START, "GetObject", 200, i)); // 1 … 100 ms
    }
    now.set(START + 1);
    SlotSummary slot = history.lastHour().getLast();
    // Upper bounds of buckets 19% wide: never below the true value, at most 19% above it.
    assertThat(slot.p50Millis()).isBetween(50.0, 50 * 1.19);
    assertThat(slot.p90Millis()).isBetween(90.0, 90 * 1.19);
    assertThat(slot.p99Millis()).isBetween(99.0, 99 * 1.19);
  }

  @Test
  void whatIsOlderThanAnHourIsForgottenAndItsPlaceReused() {
    history.completed(request(START, "GetObject", 200, 1));
    now.set(START + 3_600_000);
    assertThat(history.lastHour()).allSatisfy(s -> assertThat(s.requests()).isZero());
    history.completed(request(START + 3_600_000, "PutObject", 200, 1));
    SlotSummary current = history.lastHour().getLast();
    assertThat(current.byOperation()).containsOnlyKeys("PutObject");
  }

  @Test
  void aLateRequestCountsInTheNewerSlotThatTookItsPlace() {
    history.completed(request(START + 3_600_000, "PutObject", 200, 1));
    history.completed(request(START, "GetObject", 200, 1)); // an hour late: same place of the ring
    now.set(START + 3_600_000);
    assertThat(history.lastHour().getLast().requests()).isEqualTo(2);
  }
}
