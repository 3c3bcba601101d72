package io.coffer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventNameTest {

  /** The masks are stored with each rule: a type's bit may never move. */
  @Test
  void eachTypeKeepsTheBitStoredRulesWereWrittenWith() {
    assertThat(EventName.OBJECT_CREATED_PUT.bit()).isEqualTo(1L);
    assertThat(EventName.OBJECT_REMOVED_DELETE.bit()).isEqualTo(1L << 4);
    assertThat(EventName.LIFECYCLE_EXPIRATION_DELETE_MARKER_CREATED.bit()).isEqualTo(1L << 9);
    Set<Long> bits = new HashSet<>();
    for (EventName n : EventName.values()) {
      assertThat(bits.add(n.bit())).as("%s has a bit of its own", n).isTrue();
    }
  }

  @Test
  void aWildcardStandsForItsFamily() {
    assertThat(EventName.matching("s3:ObjectRemoved:*"))
        .isEqualTo(
            EnumSet.of(
                EventName.OBJECT_REMOVED_DELETE, EventName.OBJECT_REMOVED_DELETE_MARKER_CREATED));
    assertThat(EventName.matching("s3:ObjectCreated:Copy"))
        .containsExactly(EventName.OBJECT_CREATED_COPY);
    assertThat(EventName.matching("s3:ObjectCreated:*")).hasSize(4);
  }

  @Test
  void unknownAndUnsupportedTypesAreRefusedDifferently() {
    assertThatThrownBy(() -> EventName.matching("s3:ObjectCreated:Putt"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EventName.matching("s3:TestEvent"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EventName.matching("s3:ObjectRestore:*"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aDeleteThatAddedAMarkerIsReportedAsSuch() {
    assertThat(EventName.OBJECT_REMOVED_DELETE.asMarkerCreated())
        .isEqualTo(EventName.OBJECT_REMOVED_DELETE_MARKER_CREATED);
    assertThat(EventName.LIFECYCLE_EXPIRATION_DELETE.asMarkerCreated())
        .isEqualTo(EventName.LIFECYCLE_EXPIRATION_DELETE_MARKER_CREATED);
    assertThat(EventName.OBJECT_CREATED_PUT.asMarkerCreated())
        .isEqualTo(EventName.OBJECT_CREATED_PUT);
  }
}
