package io.coffer.meta;

import static io.coffer.meta.Fixtures.T0;
import static io.coffer.meta.Fixtures.multipartObject;
import static io.coffer.meta.Fixtures.part;
import static io.coffer.meta.Fixtures.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.meta.MetadataStore.Completed;
import io.coffer.model.CofferException;
import io.coffer.model.CompletedUpload;
import io.coffer.model.Credential;
import io.coffer.model.ErrorCode;
import io.coffer.model.ObjectMeta;
import io.coffer.model.Part;
import io.coffer.model.Segment;
import io.coffer.model.Storage;
import io.coffer.model.StoredChecksum;
import io.coffer.model.WritePrecondition;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Completed uploads are remembered (for retried completions) in the completion's transaction. */
@ParameterizedClass(name = "{0}")
@EnumSource(Stores.Kind.class)
class CompletedUploadsTest {
  @Parameter Stores.Kind kind;
  Stores stores;
  static final Duration DAY = Duration.ofDays(1);
  @TempDir Path dir;
  MetadataStore store;

  @BeforeEach
  void open() {
    stores = Stores.create(kind, dir);
    store = stores.open(true);
    Credential alice = store.createCredential("AKALICE", "secret", "alice", T0);
    store.createBucket("b", alice.id(), "us-east-1", T0, false);
  }

  @AfterEach
  void close() {
    stores.close();
  }

  /** Creates an upload with one part and completes it at {@code at}. */
  Completed completeOne(String uploadId, String key, String fingerprint, Instant at) {
    store.createUpload(upload(uploadId, "b", key));
    store.putPart(part(uploadId, 1, "blob-" + uploadId, 5));
    List<Segment> segments =
        store.listParts(uploadId, 0, 10).stream().map(Part::toSegment).toList();
    ObjectMeta object =
        new ObjectMeta(
            "b",
            key,
            5,
            "e-1",
            null,
            java.util.Map.of(),
            java.util.Map.of(),
            new StoredChecksum("CRC32", "AAAAAA==-1", StoredChecksum.COMPOSITE),
            at,
            at,
            new Storage.Parts("m-" + uploadId, 1),
            "null",
            io.coffer.model.ObjectLock.NONE,
            null,
            Map.of(),
            null);
    return store.completeUpload(
        completion(uploadId, key, fingerprint, at),
        object,
        segments,
        WritePrecondition.NONE,
        at.minus(DAY),
        null);
  }

  static CompletedUpload completion(String uploadId, String key, String fingerprint, Instant at) {
    return new CompletedUpload(
        uploadId,
        "b",
        key,
        "e-1",
        5,
        new StoredChecksum("CRC32", "AAAAAA==-1", StoredChecksum.COMPOSITE),
        fingerprint,
        at,
        "null");
  }

  @Test
  void aCompletionIsRememberedWithItsAnswer() {
    Completed done = completeOne("u1", "k", "fp", T0);
    assertThat(done.upload()).isEqualTo(completion("u1", "k", "fp", T0));
    assertThat(store.findUpload("u1")).isEmpty();
    assertThat(store.findCompletedUpload("u1")).contains(completion("u1", "k", "fp", T0));
    assertThat(store.findCompletedUpload("u2")).isEmpty();
    assertThat(store.stats(T0).activeMultipartUploads()).isZero();
    assertThat(store.stats(T0).objects()).isEqualTo(1);
  }

  @Test
  void aCompletionRacingAnEarlierOneWithTheSamePartsGetsItsAnswerAndChangesNothing() {
    completeOne("u1", "k", "fp", T0);
    ObjectMeta other = multipartObject("b", "k", "m-other", 5, "other-1", 1);
    List<Segment> segments = List.of(part("u1", 1, "blob-u1", 5).toSegment());
    Completed retry =
        store.completeUpload(
            completion("u1", "k", "fp", T0.plusSeconds(1)),
            other,
            segments,
            WritePrecondition.NONE,
            T0.minus(DAY),
            null);
    assertThat(retry.upload()).isEqualTo(completion("u1", "k", "fp", T0));
    assertThat(Fixtures.released(store, retry.replaced().releasedBlobs(), retry.unusedPartBlobs()))
        .isEmpty();
    assertThat(Fixtures.storageId(store.findObject("b", "k").orElseThrow())).isEqualTo("m-u1");
    assertThat(store.stats(T0).objects()).isEqualTo(1);
    // another part list, or another key, finds the upload gone
    assertCode(
        () ->
            store.completeUpload(
                completion("u1", "k", "other", T0),
                other,
                segments,
                WritePrecondition.NONE,
                T0.minus(DAY),
                null),
        ErrorCode.NO_SUCH_UPLOAD);
    assertCode(
        () ->
            store.completeUpload(
                completion("u1", "k2", "fp", T0),
                other,
                segments,
                WritePrecondition.NONE,
                T0.minus(DAY),
                null),
        ErrorCode.NO_SUCH_UPLOAD);
    // and one past the horizon too
    assertCode(
        () ->
            store.completeUpload(
                completion("u1", "k", "fp", T0),
                other,
                segments,
                WritePrecondition.NONE,
                T0.plusMillis(1),
                null),
        ErrorCode.NO_SUCH_UPLOAD);
  }

  @Test
  void laterCompletionsForgetExpiredOnesAFewAtATime() throws Exception {
    for (int i = 0; i < 12; i++) {
      completeOne("old" + i, "k" + i, "fp", T0.plusMillis(i));
    }
    Instant later = T0.plus(DAY).plusSeconds(1);
    completeOne("new1", "n1", "fp", later);
    assertThat(rows()).as("12 old + 1 new - 8 forgotten").isEqualTo(5);
    assertThat(store.findCompletedUpload("old0")).as("oldest first").isEmpty();
    assertThat(store.findCompletedUpload("old11")).isPresent();
    completeOne("new2", "n2", "fp", later);
    assertThat(rows()).isEqualTo(2);
    assertThat(store.findCompletedUpload("new1")).isPresent();
  }

  @Test
  void deletingTheBucketForgetsItsCompletions() throws Exception {
    completeOne("u1", "k", "fp", T0);
    Fixtures.delete(store, "b", "k", WritePrecondition.NONE);
    Fixtures.deleteBucket(store, "b");
    assertThat(store.findCompletedUpload("u1")).isEmpty();
    assertThat(rows()).isZero();
  }

  private long rows() throws Exception {
    try (Connection raw = stores.raw();
        Statement s = raw.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM completed_uploads")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void assertCode(Runnable call, ErrorCode code) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(CofferException.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
