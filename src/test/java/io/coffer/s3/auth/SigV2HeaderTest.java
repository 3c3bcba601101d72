package io.coffer.s3.auth;

import static io.coffer.s3.auth.AuthFixtures.ACCESS_KEY;
import static io.coffer.s3.auth.AuthFixtures.assertFails;
import static io.coffer.s3.auth.AuthFixtures.headers;
import static io.coffer.s3.auth.AuthFixtures.verifierAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.http.Headers;
import io.coffer.http.UriCodec;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@code Authorization: AWS <key>:<signature>}, checked against the examples of AWS's "Signing and
 * Authenticating REST Requests" (Signature Version 2), which use the documentation credential.
 */
class SigV2HeaderTest {
  /** A minute after the request's own time, within the allowed skew. */
  private static AuthResult verify(
      String method, String hostBucket, String path, String query, Headers headers) {
    String date =
        headers.get("x-amz-date") != null ? headers.get("x-amz-date") : headers.get("date");
    Instant now =
        date == null
            ? Instant.parse("2007-03-27T19:37:00Z")
            : AmzDate.parseHttpDate(date).plusSeconds(60);
    return verifierAt(now)
        .verify(
            new SignedRequest(
                method, path, UriCodec.TOLERANT.parseQuery(query), headers, hostBucket));
  }

  private static String auth(String signature) {
    return "AWS " + ACCESS_KEY + ":" + signature;
  }

  @Test
  void sigV2AuthorizationHeadersOfTheAwsExamplesAreAccepted() {
    // Object GET, virtual-hosted: the canonical resource is /johnsmith/photos/puppy.jpg.
    AuthResult get =
        verify(
            "GET",
            "johnsmith",
            "/photos/puppy.jpg",
            null,
            headers(
                "Date",
                "Tue, 27 Mar 2007 19:36:42 +0000",
                "Authorization",
                auth("bWq2s1WEIj+Ydj0vQ697zp+IXMU=")));
    assertThat(get.credential().accessKey()).isEqualTo(ACCESS_KEY);
    assertThat(get.presigned()).isFalse();
    assertThat(get.payloadMode()).isEqualTo(PayloadMode.UNSIGNED);
    // Object PUT: Content-Type is signed.
    verify(
        "PUT",
        "johnsmith",
        "/photos/puppy.jpg",
        null,
        headers(
            "Content-Type",
            "image/jpeg",
            "Content-Length",
            "94328",
            "Date",
            "Tue, 27 Mar 2007 21:15:45 +0000",
            "Authorization",
            auth("MyyxeRY7whkBe+bq8fHCL/2kKUg=")));
    // List: query parameters that are not sub-resources are not signed.
    verify(
        "GET",
        "johnsmith",
        "/",
        "prefix=photos&max-keys=50&marker=puppy",
        headers(
            "User-Agent",
            "Mozilla/5.0",
            "Date",
            "Tue, 27 Mar 2007 19:42:41 +0000",
            "Authorization",
            auth("htDYFYduRNen8P9ZfE/s9SuKy0U=")));
    // Fetch: the acl sub-resource is signed.
    verify(
        "GET",
        "johnsmith",
        "/",
        "acl",
        headers(
            "Date",
            "Tue, 27 Mar 2007 19:44:46 +0000",
            "Authorization",
            auth("c2WLPFtWHVgbEmeEG93a4cG37dM=")));
    // Upload: Content-MD5, x-amz-* headers lower-cased, sorted, repeated ones joined by commas.
    verify(
        "PUT",
        "static.johnsmith.net",
        "/db-backup.dat.gz",
        null,
        headers(
            "User-Agent",
            "curl/7.15.5",
            "Date",
            "Tue, 27 Mar 2007 21:06:08 +0000",
            "x-amz-acl",
            "public-read",
            "content-type",
            "application/x-download",
            "Content-MD5",
            "4gJE4saaMU4BqNR0kLY+lw==",
            "X-Amz-Meta-ReviewedBy",
            "joe@johnsmith.net",
            "X-Amz-Meta-ReviewedBy",
            "jane@johnsmith.net",
            "X-Amz-Meta-FileChecksum",
            "0x02661779",
            "X-Amz-Meta-ChecksumAlgorithm",
            "crc32",
            "Content-Length",
            "5913339",
            "Authorization",
            auth("ilyl83RwaSoYIEdixDQcA4OnAnc=")));
  }

  @Test
  void sigV2WithXAmzDateAcceptsBothFormsAwsDocuments() {
    // The DELETE example, path-style: the x-amz-date value on the Date line.
    verify(
        "DELETE",
        null,
        "/johnsmith/photos/puppy.jpg",
        null,
        headers(
            "User-Agent",
            "dotnet",
            "Date",
            "Tue, 27 Mar 2007 21:20:27 +0000",
            "x-amz-date",
            "Tue, 27 Mar 2007 21:20:26 +0000",
            "Authorization",
            auth("lx3byBScXR6KzyMaifNkardMwNk=")));
    // What the SDKs and s3cmd sign: an empty Date line and x-amz-date among the x-amz-* headers.
    // Signature of "DELETE\n\n\n\nx-amz-date:Tue, 27 Mar 2007 21:20:26 +0000\n/johnsmith/photos/
    // puppy.jpg", made with Python's hmac.
    verify(
        "DELETE",
        null,
        "/johnsmith/photos/puppy.jpg",
        null,
        headers(
            "x-amz-date",
            "Tue, 27 Mar 2007 21:20:26 +0000",
            "Authorization",
            auth("R4dJ53KECjStyBO5iTBJZ4XVOaI=")));
  }

  @Test
  void sigV2RefusesWhatIsWrong() {
    String date = "Tue, 27 Mar 2007 19:36:42 +0000";
    String good = auth("bWq2s1WEIj+Ydj0vQ697zp+IXMU=");
    assertFails(
        () ->
            verify(
                "GET",
                "johnsmith",
                "/photos/kitten.jpg",
                null,
                headers("Date", date, "Authorization", good)),
        ErrorCode.SIGNATURE_DOES_NOT_MATCH);
    // Path-style without the bucket in the path signs another resource.
    assertFails(
        () ->
            verify(
                "GET",
                null,
                "/photos/puppy.jpg",
                null,
                headers("Date", date, "Authorization", good)),
        ErrorCode.SIGNATURE_DOES_NOT_MATCH);
    assertFails(
        () ->
            verify(
                "GET",
                "johnsmith",
                "/photos/puppy.jpg",
                "versionId=1",
                headers("Date", date, "Authorization", good)),
        ErrorCode.SIGNATURE_DOES_NOT_MATCH);
    assertFails(
        () ->
            verify(
                "GET",
                "johnsmith",
                "/photos/puppy.jpg",
                null,
                headers("Date", date, "x-amz-meta-added", "later", "Authorization", good)),
        ErrorCode.SIGNATURE_DOES_NOT_MATCH);
    assertFails(
        () ->
            verify(
                "GET",
                "johnsmith",
                "/photos/puppy.jpg",
                null,
                headers(
                    "Date",
                    "Tue, 27 Mar 2007 19:36:42 +0000",
                    "Authorization",
                    "AWS AKIDUNKNOWN:bWq2s1WEIj+Ydj0vQ697zp+IXMU=")),
        ErrorCode.INVALID_ACCESS_KEY_ID);
    assertFails(
        () ->
            verifierAt(Instant.parse("2007-03-27T19:52:00Z"))
                .verify(
                    new SignedRequest(
                        "GET",
                        "/photos/puppy.jpg",
                        null,
                        headers("Date", date, "Authorization", good),
                        "johnsmith")),
        ErrorCode.REQUEST_TIME_TOO_SKEWED);
    assertFails(
        () -> verify("GET", "johnsmith", "/photos/puppy.jpg", null, headers("Authorization", good)),
        ErrorCode.ACCESS_DENIED);
    assertFails(
        () ->
            verify(
                "PUT",
                "johnsmith",
                "/photos/puppy.jpg",
                null,
                headers(
                    "Date",
                    date,
                    "x-amz-content-sha256",
                    "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
                    "Authorization",
                    good)),
        ErrorCode.INVALID_REQUEST);
    assertFails(
        () ->
            verify(
                "GET",
                "johnsmith",
                "/photos/puppy.jpg",
                null,
                headers("Date", date, "Authorization", "AWS " + ACCESS_KEY)),
        ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void sigV2HeaderTogetherWithSigV2QueryParametersIsInvalidArgument() {
    assertFails(
        () ->
            verify(
                "GET",
                "johnsmith",
                "/photos/puppy.jpg",
                "AWSAccessKeyId=" + ACCESS_KEY + "&Expires=1175139620&Signature=x",
                headers(
                    "Date",
                    "Tue, 27 Mar 2007 19:36:42 +0000",
                    "Authorization",
                    auth("bWq2s1WEIj+Ydj0vQ697zp+IXMU="))),
        ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void sigV2ChecksAnXAmzContentSha256ItIsGiven() {
    // Signature of "PUT\n\n\nTue, 27 Mar 2007 19:36:42 +0000\nx-amz-content-sha256:<empty body's
    // hash>\n/johnsmith/a", made with Python's hmac.
    AuthResult result =
        verify(
            "PUT",
            "johnsmith",
            "/a",
            null,
            headers(
                "Date",
                "Tue, 27 Mar 2007 19:36:42 +0000",
                "x-amz-content-sha256",
                AuthFixtures.EMPTY_SHA256,
                "Authorization",
                auth(SIGNED_EMPTY_BODY)));
    assertThat(result.payloadMode()).isEqualTo(PayloadMode.SIGNED);
    assertThat(result.expectedPayloadSha256()).isEqualTo(AuthFixtures.EMPTY_SHA256);
  }

  @Test
  void unsupportedAuthorizationTypeIsInvalidArgumentNamingTheHeader() {
    for (String scheme : new String[] {"Bearer x", "Basic dXNlcjpwYXNz", "AWS4-HMAC-SHA512 x"}) {
      assertFails(
              () -> verify("GET", null, "/b/k", null, headers("Authorization", scheme)),
              ErrorCode.INVALID_ARGUMENT)
          .hasMessage("Unsupported Authorization Type")
          .satisfies(
              e ->
                  assertThat(((CofferException) e).fields())
                      .containsExactly(
                          java.util.Map.entry("ArgumentName", "Authorization"),
                          java.util.Map.entry("ArgumentValue", scheme)));
    }
  }

  private static final String SIGNED_EMPTY_BODY = "UYvbEQUvK2WPXh9yuue6eBOdqAU=";
}
