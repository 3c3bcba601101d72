package io.coffer.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatsTest {
  @Test
  void sizesMatchTheSpecificationsExamples() {
    assertThat(Formats.size(1073741824L)).isEqualTo("1.0 GB");
    assertThat(Formats.size(26214400L)).isEqualTo("25.0 MB");
    assertThat(Formats.size(1024000L)).isEqualTo("1.0 MB");
  }

  @Test
  void sizesAcrossUnits() {
    assertThat(Formats.size(0)).isEqualTo("0.0 B");
    assertThat(Formats.size(999)).isEqualTo("999.0 B");
    assertThat(Formats.size(1000)).isEqualTo("1.0 KB");
    assertThat(Formats.size(1536)).isEqualTo("1.5 KB");
    assertThat(Formats.size(1048575)).isEqualTo("1.0 MB");
    assertThat(Formats.size(5L * 1024 * 1024 * 1024 * 1024)).isEqualTo("5.0 TB");
    assertThat(Formats.size(5000L * 1024 * 1024 * 1024 * 1024)).isEqualTo("5000.0 TB");
  }

  @Test
  void timesAreIsoUtcToTheSecond() {
    assertThat(Formats.time(Instant.parse("2023-01-15T10:30:00.987654Z")))
        .isEqualTo("2023-01-15T10:30:00Z");
    assertThat(Formats.time(Instant.parse("2023-01-15T10:30:00Z")))
        .isEqualTo("2023-01-15T10:30:00Z");
  }
}
