package io.coffer.it.listing;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.RawS3;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A {@code continuation-token} Coffer did not issue is {@code 400 InvalidArgument} ("The
 * continuation token provided is incorrect", ArgumentName continuation-token) on ListObjectsV2,
 * never a listing from whatever position the bytes happen to spell (issue 12).
 */
class ContinuationTokenIT {
  static final String BUCKET = "tokens";
  static final String OTHER_BUCKET = "tokens-other";

  @RegisterExtension
  static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET, OTHER_BUCKET);

  static S3Client s3;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
    for (String key : List.of("a", "b", "c", "d", "e")) {
      s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(key));
      s3.putObject(b -> b.bucket(OTHER_BUCKET).key(key), RequestBody.fromString(key));
    }
  }

  @Test
  void tokensCofferIssuedPageThroughEveryKey() {
    List<String> keys = new ArrayList<>();
    String token = null;
    do {
      String t = token;
      ListObjectsV2Response page =
          s3.listObjectsV2(b -> b.bucket(BUCKET).maxKeys(2).continuationToken(t));
      page.contents().stream().map(S3Object::key).forEach(keys::add);
      token = page.nextContinuationToken();
    } while (token != null);
    assertThat(keys).containsExactly("a", "b", "c", "d", "e");
  }

  @Test
  void aContinuationTokenCofferDidNotIssueIsInvalidArgument() throws Exception {
    String issued = s3.listObjectsV2(b -> b.bucket(BUCKET).maxKeys(2)).nextContinuationToken();
    List<String> foreign =
        List.of(
            "", // never issued
            "garbage",
            "bogus-token!",
            // the raw key, base64url: what a client (or Coffer before) would make of "b"
            Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("b".getBytes(StandardCharsets.UTF_8)),
            // an AWS-style token
            "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=",
            // Coffer's own, garbled: one character changed, or cut short
            garble(issued, issued.length() / 2),
            issued.substring(0, issued.length() - 2));
    for (String token : foreign) {
      HttpResponse<String> response = listV2(BUCKET, token);
      assertThat(response.statusCode()).as(token).isEqualTo(400);
      assertThat(response.body())
          .as(token)
          .contains("<Code>InvalidArgument</Code>")
          .contains("<Message>The continuation token provided is incorrect</Message>")
          .contains("<ArgumentName>continuation-token</ArgumentName>");
    }
  }

  @Test
  void aTokenFromAnotherBucketIsInvalidArgument() throws Exception {
    String issued = s3.listObjectsV2(b -> b.bucket(BUCKET).maxKeys(2)).nextContinuationToken();
    assertThat(listV2(BUCKET, issued).statusCode()).isEqualTo(200);
    HttpResponse<String> elsewhere = listV2(OTHER_BUCKET, issued);
    assertThat(elsewhere.statusCode()).isEqualTo(400);
    assertThat(RawS3.errorCode(elsewhere)).isEqualTo("InvalidArgument");
  }

  private static String garble(String token, int at) {
    return token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
  }

  private static HttpResponse<String> listV2(String bucket, String token) throws Exception {
    return RawS3.request(coffer.s3Uri(), "GET", "/" + bucket)
        .query("list-type", "2")
        .query("max-keys", "2")
        .query("continuation-token", token)
        .send(new byte[0]);
  }
}
