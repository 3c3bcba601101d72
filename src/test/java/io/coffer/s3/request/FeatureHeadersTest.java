package io.coffer.s3.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coffer.model.CofferException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Never pretend: one row per operation, header and value — accepted (Coffer does exactly what it
 * asks) or refused with AWS's error for that value or NotImplemented.
 */
class FeatureHeadersTest {
  static final Map<String, Class<? extends S3Operation>> OPERATIONS =
      Map.ofEntries(
          Map.entry("CreateBucket", S3Operation.CreateBucket.class),
          Map.entry("HeadBucket", S3Operation.HeadBucket.class),
          Map.entry("DeleteBucket", S3Operation.DeleteBucket.class),
          Map.entry("ListObjectsV2", S3Operation.ListObjectsV2.class),
          Map.entry("DeleteObjects", S3Operation.DeleteObjects.class),
          Map.entry("PutObject", S3Operation.PutObject.class),
          Map.entry("PutObjectAcl", S3Operation.PutObjectAcl.class),
          Map.entry("PutBucketAcl", S3Operation.PutBucketAcl.class),
          Map.entry("GetObject", S3Operation.GetObject.class),
          Map.entry("HeadObject", S3Operation.HeadObject.class),
          Map.entry("DeleteObject", S3Operation.DeleteObject.class),
          Map.entry("CopyObject", S3Operation.CopyObject.class),
          Map.entry("CreateMultipartUpload", S3Operation.CreateMultipartUpload.class),
          Map.entry("UploadPart", S3Operation.UploadPart.class),
          Map.entry("UploadPartCopy", S3Operation.UploadPartCopy.class),
          Map.entry("CompleteMultipartUpload", S3Operation.CompleteMultipartUpload.class),
          Map.entry("AbortMultipartUpload", S3Operation.AbortMultipartUpload.class),
          Map.entry("ListParts", S3Operation.ListParts.class),
          Map.entry(
              "PutBucketNotificationConfiguration",
              S3Operation.PutBucketNotificationConfiguration.class));

  /** operation | header | value | expected: "accepted" or the S3 error code and status. */
  static final String TABLE =
      """
      PutObject,               x-amz-server-side-encryption,                                AES256,                    accepted
      CopyObject,              x-amz-server-side-encryption,                                aws:kms,                   accepted
      CreateMultipartUpload,   x-amz-server-side-encryption-customer-algorithm,             AES256,                    accepted
      GetObject,               x-amz-server-side-encryption-customer-algorithm,             AES256,                    accepted
      UploadPartCopy,          x-amz-copy-source-server-side-encryption-customer-key,       MDEy,                      accepted
      GetObject,               x-amz-server-side-encryption,                                AES256,                    InvalidArgument 400
      HeadObject,              x-amz-server-side-encryption,                                aws:kms,                   InvalidArgument 400
      GetObject,               x-amz-server-side-encryption-aws-kms-key-id,                 arn:aws:kms:key/1,         InvalidArgument 400
      HeadObject,              x-amz-server-side-encryption-context,                        e30=,                      InvalidArgument 400
      GetObject,               x-amz-server-side-encryption-bucket-key-enabled,             true,                      InvalidArgument 400
      DeleteObject,            x-amz-server-side-encryption,                                AES256,                    accepted
      UploadPart,              x-amz-server-side-encryption,                                AES256,                    InvalidArgument 400
      UploadPartCopy,          x-amz-server-side-encryption-aws-kms-key-id,                 k1,                        InvalidArgument 400
      UploadPart,              x-amz-server-side-encryption-customer-algorithm,             AES256,                    accepted
      CreateBucket,            x-amz-bucket-object-lock-enabled,                            false,                     accepted
      CreateBucket,            x-amz-bucket-object-lock-enabled,                            true,                      accepted
      CreateBucket,            x-amz-bucket-object-lock-enabled,                            maybe,                     InvalidArgument 400
      PutObject,               x-amz-object-lock-mode,                                      GOVERNANCE,                accepted
      PutObject,               x-amz-object-lock-retain-until-date,                         2030-01-01T00:00:00Z,      accepted
      PutObject,               x-amz-object-lock-legal-hold,                                ON,                        accepted
      CopyObject,              x-amz-object-lock-mode,                                      COMPLIANCE,                accepted
      CreateMultipartUpload,   x-amz-object-lock-legal-hold,                                OFF,                       accepted
      CreateBucket,            x-amz-bucket-namespace,                                      global,                    accepted
      CreateBucket,            x-amz-bucket-namespace,                                      account-regional,          NotImplemented 501
      CreateBucket,            x-amz-bucket-namespace,                                      galactic,                  InvalidArgument 400
      PutObject,               x-amz-storage-class,                                         STANDARD,                  accepted
      CreateMultipartUpload,   x-amz-storage-class,                                         STANDARD,                  accepted
      CopyObject,              x-amz-storage-class,                                         STANDARD,                  accepted
      PutObject,               x-amz-storage-class,                                         GLACIER,                   NotImplemented 501
      PutObject,               x-amz-storage-class,                                         REDUCED_REDUNDANCY,        NotImplemented 501
      CreateMultipartUpload,   x-amz-storage-class,                                         STANDARD_IA,               NotImplemented 501
      CopyObject,              x-amz-storage-class,                                         DEEP_ARCHIVE,              NotImplemented 501
      PutObject,               x-amz-storage-class,                                         EXPRESS_ONEZONE,           NotImplemented 501
      PutObject,               x-amz-storage-class,                                         FASTEST,                   InvalidStorageClass 400
      PutObject,               x-amz-storage-class,                                         standard,                  InvalidStorageClass 400
      UploadPart,              x-amz-storage-class,                                         GLACIER,                   accepted
      PutObject,               x-amz-website-redirect-location,                             /elsewhere.html,           NotImplemented 501
      CreateMultipartUpload,   x-amz-website-redirect-location,                             https://example.com/,      NotImplemented 501
      PutObject,               x-amz-write-offset-bytes,                                    0,                         NotImplemented 501
      DeleteObject,            x-amz-if-match-size,                                         3,                         NotImplemented 501
      DeleteObject,            x-amz-if-match-last-modified-time,                           'Wed, 1 May 2024 10:00:00 GMT', NotImplemented 501
      AbortMultipartUpload,    x-amz-if-match-initiated-time,                               'Wed, 1 May 2024 10:00:00 GMT', NotImplemented 501
      PutBucketNotificationConfiguration, x-amz-skip-destination-validation,                false,                     accepted
      PutBucketNotificationConfiguration, x-amz-skip-destination-validation,                true,                      NotImplemented 501
      PutBucketNotificationConfiguration, x-amz-skip-destination-validation,                perhaps,                   InvalidArgument 400
      """;

  @ParameterizedTest(name = "{0} {1}: {2} -> {3}")
  @CsvSource(textBlock = TABLE)
  void eachFeatureHeaderIsAcceptedOnlyWhenCofferDoesWhatItAsks(
      String operation, String header, String value, String expected) {
    Class<? extends S3Operation> op = OPERATIONS.get(operation);
    assertThat(op).as(operation).isNotNull();
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.put(header.toUpperCase(java.util.Locale.ROOT), value);
    if (expected.equals("accepted")) {
      assertThatCode(() -> FeatureHeaders.check(op, headers::get)).doesNotThrowAnyException();
      return;
    }
    CofferException refusal =
        catchThrowableOfType(CofferException.class, () -> FeatureHeaders.check(op, headers::get));
    assertThat(refusal).as("refused").isNotNull();
    assertThat(refusal.code().s3Code() + " " + refusal.code().httpStatus()).isEqualTo(expected);
    assertThat(refusal.getMessage()).isNotBlank();
  }

  @Test
  void aRequestWithoutFeatureHeadersIsAcceptedByEveryOperation() {
    Map<String, String> headers = Map.of("content-type", "text/plain", "x-amz-meta-a", "b");
    for (Class<? extends S3Operation> op : OPERATIONS.values()) {
      assertThatCode(() -> FeatureHeaders.check(op, headers::get))
          .as(op.getSimpleName())
          .doesNotThrowAnyException();
    }
  }

  @Test
  void theTableHasARowForEveryRuleHeaderAndOperation() {
    Set<String> rows = new HashSet<>();
    for (String line : TABLE.strip().split("\n")) {
      String[] cells = line.split(",");
      rows.add(cells[1].trim() + " " + cells[0].trim());
    }
    // Every rule is exercised by at least one row (a header on one of the rule's operations).
    for (FeatureHeaders.Rule rule : FeatureHeaders.RULES) {
      Set<String> names =
          rule.operations().stream().map(Class::getSimpleName).collect(Collectors.toSet());
      assertThat(names.stream().anyMatch(name -> rows.contains(rule.header() + " " + name)))
          .as(rule.header() + " on " + names)
          .isTrue();
    }
  }
}
