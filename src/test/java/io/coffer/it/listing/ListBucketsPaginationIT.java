package io.coffer.it.listing;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.RawS3;
import io.coffer.model.Credential;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;

/**
 * ListBuckets pagination (issue 12): {@code max-buckets}, {@code continuation-token}, {@code
 * prefix} and {@code bucket-region}, with {@code ContinuationToken} and {@code Prefix} in the
 * answer, as botocore's model and the AWS SDK's paginator use them.
 */
class ListBucketsPaginationIT {
  @RegisterExtension static final CofferTestServer coffer = new CofferTestServer();
  static final List<String> MINE = IntStream.range(0, 7).mapToObj(i -> "page-" + i).toList();
  static final List<String> OTHERS = List.of("page-x-other", "zzz-other");
  static S3Client s3;
  static S3Client other;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
    for (String name : List.of("alpha", "pagf", "zeta")) {
      s3.createBucket(b -> b.bucket(name));
    }
    for (String name : MINE) {
      s3.createBucket(b -> b.bucket(name));
    }
    Credential credential = coffer.server().credentials().create("other", null, null);
    other = coffer.client(credential.accessKey(), credential.secretKey());
    for (String name : OTHERS) {
      other.createBucket(b -> b.bucket(name));
    }
  }

  @AfterAll
  static void close() {
    other.close();
  }

  static List<String> all() {
    List<String> names = new ArrayList<>(MINE);
    names.addAll(List.of("alpha", "pagf", "zeta"));
    names.sort(null);
    return names;
  }

  @Test
  void withoutParametersEveryBucketComesInOneAnswer() {
    ListBucketsResponse response = s3.listBuckets();
    assertThat(response.buckets()).extracting(Bucket::name).containsExactlyElementsOf(all());
    assertThat(response.continuationToken()).isNull();
    assertThat(response.prefix()).isNull();
  }

  @Test
  void sdkPaginatorWithMaxBucketsWalksEveryBucketOncePageByPage() {
    List<ListBucketsResponse> pages =
        s3.listBucketsPaginator(b -> b.maxBuckets(3)).stream().toList();
    assertThat(pages).hasSize(4); // 10 buckets, 3 a page
    assertThat(pages).allSatisfy(p -> assertThat(p.buckets().size()).isLessThanOrEqualTo(3));
    assertThat(pages.subList(0, 3)).allSatisfy(p -> assertThat(p.continuationToken()).isNotBlank());
    assertThat(pages.getLast().continuationToken()).isNull();
    assertThat(pages.stream().flatMap(p -> p.buckets().stream()).map(Bucket::name).toList())
        .containsExactlyElementsOf(all());
  }

  @Test
  void prefixLimitsThePagesAndIsEchoed() {
    List<ListBucketsResponse> pages =
        s3.listBucketsPaginator(b -> b.maxBuckets(2).prefix("page-")).stream().toList();
    assertThat(pages.stream().flatMap(p -> p.buckets().stream()).map(Bucket::name).toList())
        .containsExactlyElementsOf(MINE);
    assertThat(pages).allSatisfy(p -> assertThat(p.prefix()).isEqualTo("page-"));
    assertThat(pages.getFirst().buckets())
        .allSatisfy(b -> assertThat(b.bucketRegion()).isEqualTo("us-east-1"));
  }

  @Test
  void aCredentialPagesOnlyThroughItsOwnBuckets() {
    List<String> seen =
        other.listBucketsPaginator(b -> b.maxBuckets(1)).stream()
            .flatMap(p -> p.buckets().stream())
            .map(Bucket::name)
            .toList();
    assertThat(seen).containsExactlyElementsOf(OTHERS);
  }

  @Test
  void bucketRegionOfTheServerListsItsBuckets() {
    ListBucketsResponse response =
        s3.listBuckets(b -> b.bucketRegion("us-east-1").maxBuckets(10_000));
    assertThat(response.buckets()).extracting(Bucket::name).containsExactlyElementsOf(all());
    assertThat(response.continuationToken()).isNull();
  }

  @Test
  void rawContinuationTokenAndPrefixElementsFollowTheBuckets() throws Exception {
    HttpResponse<String> first = list("max-buckets", "2", "prefix", "page-");
    assertThat(first.statusCode()).isEqualTo(200);
    String body = first.body();
    assertThat(body)
        .contains("<Name>page-0</Name>", "<Name>page-1</Name>")
        .doesNotContain("<Name>page-2</Name>");
    assertThat(body).contains("<Prefix>page-</Prefix>");
    String token = element(body, "ContinuationToken");
    assertThat(token).isNotEmpty();
    assertThat(body.indexOf("</Buckets>")).isLessThan(body.indexOf("<ContinuationToken>"));

    String second = list("max-buckets", "2", "prefix", "page-", "continuation-token", token).body();
    assertThat(second)
        .contains("<Name>page-2</Name>", "<Name>page-3</Name>")
        .doesNotContain("<Name>page-1</Name>");

    String empty = list("prefix", "").body();
    assertThat(empty).contains("<Prefix></Prefix>", "<Name>alpha</Name>", "<Name>zeta</Name>");
    assertThat(empty).doesNotContain("<ContinuationToken>");
  }

  @Test
  void maxBucketsOutsideOneTo10000IsInvalidArgument() throws Exception {
    for (String value : List.of("0", "10001", "-1", "-0")) {
      HttpResponse<String> response = list("max-buckets", value);
      assertThat(response.statusCode()).as(value).isEqualTo(400);
      assertThat(RawS3.errorCode(response)).isEqualTo("InvalidArgument");
      assertThat(response.body())
          .contains("Argument max-buckets must be an integer between 1 and 10000")
          .contains("<ArgumentName>max-buckets</ArgumentName>");
    }
    for (String value : List.of("abc", "2147483648", " 1", "1.5", "-")) {
      HttpResponse<String> response = list("max-buckets", value);
      assertThat(response.statusCode()).as(value).isEqualTo(400);
      assertThat(response.body())
          .contains("<Code>InvalidArgument</Code>")
          .contains("Provided max-buckets not an integer or within integer range");
    }
    assertThat(list("max-buckets", "05").body()) // five: alpha, page-0 to page-3
        .contains("<Name>alpha</Name>", "<Name>page-3</Name>", "<ContinuationToken>")
        .doesNotContain("<Name>page-4</Name>");
    assertThat(list("max-buckets", "10000").statusCode()).isEqualTo(200);
  }

  @Test
  void bucketRegionOtherThanTheServersIsInvalidArgument() throws Exception {
    HttpResponse<String> elsewhere = list("bucket-region", "eu-west-1");
    assertThat(elsewhere.statusCode()).isEqualTo(400);
    assertThat(elsewhere.body())
        .contains("<Code>InvalidArgument</Code>", "<ArgumentName>bucket-region</ArgumentName>")
        .contains("must be made to the corresponding regional endpoint");
    HttpResponse<String> nonsense = list("bucket-region", "mars");
    assertThat(nonsense.statusCode()).isEqualTo(400);
    assertThat(nonsense.body()).contains("is not a valid AWS Region");
    assertThat(list("bucket-region", "US-EAST-1").statusCode()).isEqualTo(200);
  }

  @Test
  void aContinuationTokenCofferDidNotIssueIsInvalidArgument() throws Exception {
    String objectsToken = objectListingToken();
    for (String token :
        List.of(
            "",
            "garbage",
            "cGFnZS0x",
            "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=",
            objectsToken)) {
      HttpResponse<String> response = list("continuation-token", token);
      assertThat(response.statusCode()).as(token).isEqualTo(400);
      assertThat(response.body())
          .contains("<Code>InvalidArgument</Code>")
          .contains("The continuation token provided is incorrect")
          .contains("<ArgumentName>continuation-token</ArgumentName>");
    }
  }

  /** A token ListObjectsV2 issued: valid there, not for ListBuckets. */
  private static String objectListingToken() {
    s3.putObject(
        b -> b.bucket("alpha").key("a"),
        software.amazon.awssdk.core.sync.RequestBody.fromString("a"));
    s3.putObject(
        b -> b.bucket("alpha").key("b"),
        software.amazon.awssdk.core.sync.RequestBody.fromString("b"));
    return s3.listObjectsV2(b -> b.bucket("alpha").maxKeys(1)).nextContinuationToken();
  }

  private static HttpResponse<String> list(String... nameValues) throws Exception {
    RawS3 request = RawS3.request(coffer.s3Uri(), "GET", "/");
    for (int i = 0; i < nameValues.length; i += 2) {
      request.query(nameValues[i], nameValues[i + 1]);
    }
    return request.send(new byte[0]);
  }

  private static String element(String xml, String name) {
    int start = xml.indexOf("<" + name + ">");
    int end = xml.indexOf("</" + name + ">");
    return start < 0 || end < start ? null : xml.substring(start + name.length() + 2, end);
  }
}
