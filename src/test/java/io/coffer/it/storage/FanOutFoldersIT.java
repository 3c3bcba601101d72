package io.coffer.it.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.StoredFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Issue 12: the {@code ab/cd} fan-out folders of deleted blobs piled up forever (a bucket with one
 * upload of a few thousand small parts left thousands behind). A folder goes with its last blob,
 * and a deleted bucket's folder goes as a whole, without touching another bucket's.
 */
class FanOutFoldersIT {
  /** On SQLite: several nodes sharing a volume keep empty fan-out folders (FileBlobStore). */
  @RegisterExtension static final CofferTestServer COFFER = new CofferTestServer().onSqlite();

  final S3Client s3 = COFFER.s3();
  final Path dataDir = COFFER.dataDir();

  @Test
  void fanOutFoldersGoWithTheirLastBlob() throws Exception {
    s3.createBucket(b -> b.bucket("kept"));
    s3.putObject(b -> b.bucket("kept").key("stays"), RequestBody.fromBytes(new byte[100_000]));
    Path kept = StoredFiles.bucketFolder(dataDir, "kept");
    List<Path> keptFiles = StoredFiles.files(kept);
    assertThat(keptFiles).hasSize(1);

    s3.createBucket(b -> b.bucket("churn"));
    for (int i = 0; i < 40; i++) {
      String key = "k" + i;
      s3.putObject(b -> b.bucket("churn").key(key), RequestBody.fromBytes(new byte[70_000]));
    }
    Path churn = StoredFiles.bucketFolder(dataDir, "churn");
    String uploadId = s3.createMultipartUpload(b -> b.bucket("churn").key("parts")).uploadId();
    for (int n = 1; n <= 40; n++) {
      int partNumber = n;
      s3.uploadPart(
          b -> b.bucket("churn").key("parts").uploadId(uploadId).partNumber(partNumber),
          RequestBody.fromBytes(new byte[] {1}));
    }
    assertThat(StoredFiles.files(churn)).hasSize(80);
    assertThat(StoredFiles.folders(churn)).hasSizeGreaterThan(40);

    for (int i = 0; i < 40; i++) {
      String key = "k" + i;
      s3.deleteObject(b -> b.bucket("churn").key(key));
    }
    s3.abortMultipartUpload(b -> b.bucket("churn").key("parts").uploadId(uploadId));
    assertThat(StoredFiles.filesOnce(churn, 0)).isEmpty();
    assertThat(StoredFiles.foldersOnce(churn, 0)).as("no empty fan-out folder is left").isEmpty();

    s3.putObject(b -> b.bucket("churn").key("again"), RequestBody.fromBytes(new byte[70_000]));
    assertThat(s3.getObjectAsBytes(b -> b.bucket("churn").key("again")).asByteArray())
        .hasSize(70_000);
    s3.deleteObject(b -> b.bucket("churn").key("again"));
    s3.deleteBucket(b -> b.bucket("churn"));
    assertThat(churn).as("the deleted bucket's folder is removed").doesNotExist();
    assertThat(StoredFiles.files(kept)).isEqualTo(keptFiles);
    assertThat(s3.getObjectAsBytes(b -> b.bucket("kept").key("stays")).asByteArray())
        .hasSize(100_000);
  }

  /**
   * What {@code aws s3 rb --force} does: delete every object, then the bucket at once, while the
   * objects' files may still be queued for the background deleter. The bucket's folder must go all
   * the same, not wait for the next start-up.
   */
  @Test
  void aBucketDeletedRightAfterItsObjectsLeavesNoFolder() throws Exception {
    for (int round = 0; round < 5; round++) {
      String bucket = "emptied-" + round;
      s3.createBucket(b -> b.bucket(bucket));
      Path folder = StoredFiles.bucketFolder(dataDir, bucket);
      for (int i = 0; i < 30; i++) {
        String key = "k" + i;
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(new byte[300_000]));
      }
      for (int i = 0; i < 30; i++) {
        String key = "k" + i;
        s3.deleteObject(b -> b.bucket(bucket).key(key));
      }
      s3.deleteBucket(b -> b.bucket(bucket));
      assertThat(folder).as("round %d: the deleted bucket's folder", round).doesNotExist();
    }
  }
}
