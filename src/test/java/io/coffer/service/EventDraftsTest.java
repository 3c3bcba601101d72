package io.coffer.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.model.Credential;
import io.coffer.model.EventDraft;
import io.coffer.model.EventName;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Who and which request an event reports, for each kind of caller. */
class EventDraftsTest {
  private static final RequestContext REQUEST =
      new RequestContext(
              "192.0.2.7", false, "REST-HEADER", "AWS4-HMAC-SHA256", n -> null, n -> null)
          .withRequestId("0123456789ABCDEF");

  @Test
  void aSignedRequestReportsItsAccessKeyAddressAndRequestId() {
    Credential alice =
        new Credential(7, "AKIAALICE0000000001", "secret", "alice", true, Instant.EPOCH);
    EventDraft draft =
        EventDrafts.of(new Caller.User(alice, REQUEST), EventName.OBJECT_CREATED_PUT);
    assertThat(draft)
        .isEqualTo(
            new EventDraft(
                EventName.OBJECT_CREATED_PUT,
                "0123456789ABCDEF",
                "AKIAALICE0000000001",
                "192.0.2.7"));
  }

  @Test
  void anAnonymousRequestReportsAnonymous() {
    EventDraft draft =
        EventDrafts.of(new Caller.Anonymous(REQUEST), EventName.OBJECT_REMOVED_DELETE);
    assertThat(draft.principalId()).isEqualTo("anonymous");
    assertThat(draft.requestId()).isEqualTo("0123456789ABCDEF");
    assertThat(draft.sourceIp()).isEqualTo("192.0.2.7");
  }

  @Test
  void workWithoutARequestIdGetsAFreshOne() {
    EventDraft first = EventDrafts.of(Caller.ADMIN, EventName.OBJECT_CREATED_PUT);
    EventDraft second = EventDrafts.of(Caller.ADMIN, EventName.OBJECT_CREATED_PUT);
    assertThat(first.principalId()).isEqualTo("admin");
    assertThat(first.sourceIp()).isNull();
    assertThat(first.requestId()).matches("[0-9A-F]{16}");
    assertThat(second.requestId()).isNotEqualTo(first.requestId());
    EventDraft expiry = EventDrafts.lifecycle(EventName.LIFECYCLE_EXPIRATION_DELETE);
    assertThat(expiry.principalId()).isEqualTo(EventDrafts.LIFECYCLE_PRINCIPAL);
    assertThat(expiry.requestId()).matches("[0-9A-F]{16}");
    assertThat(expiry.sourceIp()).isNull();
  }
}
