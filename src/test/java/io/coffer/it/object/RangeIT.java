package io.coffer.it.object;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.SignedHttp;
import io.coffer.it.support.TestData;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Range GETs: every single-range form S3 serves, and what it answers to the rest. */
class RangeIT {
  static final String BUCKET = "ranges";
  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET);
  static final byte[] DATA = TestData.random(1_000_000, 20);
  static S3Client s3;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
    s3.putObject(b -> b.bucket(BUCKET).key("data"), RequestBody.fromBytes(DATA));
    s3.putObject(b -> b.bucket(BUCKET).key("empty"), RequestBody.empty());
  }

  static void assertRange(String range, int first, int last) {
    var got = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("data").range(range));
    assertThat(got.asByteArray()).as(range).isEqualTo(Arrays.copyOfRange(DATA, first, last + 1));
    assertThat(got.response().contentRange())
        .as(range)
        .isEqualTo("bytes " + first + "-" + last + "/" + DATA.length);
    assertThat(got.response().contentLength()).as(range).isEqualTo(last - first + 1);
    assertThat(got.response().sdkHttpResponse().statusCode()).as(range).isEqualTo(206);
  }

  @Test
  void closedOpenAndSuffixRanges() {
    assertRange("bytes=0-0", 0, 0);
    assertRange("bytes=100-199999", 100, 199_999);
    assertRange("bytes=999999-", 999_999, 999_999);
    assertRange("bytes=500000-", 500_000, 999_999);
    assertRange("bytes=-1", 999_999, 999_999);
    assertRange("bytes=-4096", DATA.length - 4096, 999_999);
  }

  @Test
  void headWithARangeDescribesThePartialResponse() {
    var head = s3.headObject(b -> b.bucket(BUCKET).key("data").range("bytes=10-19"));
    assertThat(head.contentLength()).isEqualTo(10);
    assertThat(head.contentRange()).isEqualTo("bytes 10-19/" + DATA.length);
  }

  @Test
  void rangesBeyondTheEndAreClipped() {
    assertRange("bytes=999000-2000000", 999_000, 999_999);
    assertRange("bytes=-5000000", 0, 999_999);
  }

  @Test
  void unsatisfiableRangesAre416InvalidRange() throws Exception {
    assertS3Error(
        416,
        "InvalidRange",
        () -> s3.getObject(b -> b.bucket(BUCKET).key("data").range("bytes=1000000-")));
    assertS3Error(
        416,
        "InvalidRange",
        () -> s3.getObject(b -> b.bucket(BUCKET).key("data").range("bytes=2000000-2000001")));
    assertS3Error(
        416,
        "InvalidRange",
        () -> s3.getObject(b -> b.bucket(BUCKET).key("empty").range("bytes=0-0")));
    var raw =
        SignedHttp.request(coffer.s3Uri(), "GET", BUCKET, "data")
            .header("Range", "bytes=1000000-")
            .send();
    assertThat(raw.statusCode()).isEqualTo(416);
    assertThat(SignedHttp.errorCode(raw)).isEqualTo("InvalidRange");
  }

  @Test
  void rangesS3DoesNotServeReturnTheWholeObject() {
    for (String ignored : new String[] {"bytes=5-2", "bytes=0-1,5-6", "items=0-5", "bytes=abc"}) {
      var got = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("data").range(ignored));
      assertThat(got.response().sdkHttpResponse().statusCode()).as(ignored).isEqualTo(200);
      assertThat(got.asByteArray()).as(ignored).isEqualTo(DATA);
      assertThat(got.response().contentRange()).as(ignored).isNull();
    }
  }

  @Test
  void partNumberOneOfASinglePartObjectIsTheWholeObject() {
    var got = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("data").partNumber(1));
    assertThat(got.asByteArray()).isEqualTo(DATA);
    assertS3Error(
        416,
        "InvalidPartNumber",
        () -> s3.getObject(b -> b.bucket(BUCKET).key("data").partNumber(2)));
  }
}
