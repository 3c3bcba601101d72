package io.coffer.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.model.Segment;
import io.coffer.service.ObjectAttributesService.PartsPage;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Paging a multipart object's parts for GetObjectAttributes. */
class ObjectAttributesPagingTest {
  private static final List<Segment> FIVE =
      IntStream.rangeClosed(1, 5).mapToObj(n -> new Segment(n, "b" + n, n, "e", null)).toList();

  @Test
  void aPageStartsAfterTheMarkerAndSaysWhetherMoreFollow() {
    PartsPage page = ObjectAttributesService.page(FIVE, 2, 1);
    assertThat(page.parts()).extracting(Segment::partNumber).containsExactly(2, 3);
    assertThat(page.totalParts()).isEqualTo(5);
    assertThat(page.nextPartNumberMarker()).isEqualTo(3);
    assertThat(page.truncated()).isTrue();
  }

  @Test
  void theLastPageIsNotTruncated() {
    PartsPage page = ObjectAttributesService.page(FIVE, 2, 3);
    assertThat(page.parts()).extracting(Segment::partNumber).containsExactly(4, 5);
    assertThat(page.truncated()).isFalse();
  }

  @Test
  void aMarkerPastTheEndGivesAnEmptyPage() {
    PartsPage page = ObjectAttributesService.page(FIVE, 1000, 9);
    assertThat(page.parts()).isEmpty();
    assertThat(page.nextPartNumberMarker()).isEqualTo(9);
    assertThat(page.truncated()).isFalse();
  }

  @Test
  void maxPartsZeroListsNoneButSaysMoreFollow() {
    PartsPage page = ObjectAttributesService.page(FIVE, 0, 0);
    assertThat(page.parts()).isEmpty();
    assertThat(page.truncated()).isTrue();
  }
}
