package io.coffer.s3.request;

import static io.coffer.s3.request.S3RequestParserTest.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coffer.http.Headers;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.EventName;
import io.coffer.s3.request.S3Operation.ListenBucketNotification;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** MinIO's ListenBucketNotification: {@code GET /bucket?events=…&prefix=…&suffix=…&ping=…}. */
class ListenBucketNotificationParserTest {

  @Test
  void repeatedEventsPrefixSuffixAndPing() {
    S3Operation op =
        parse(
                "GET /b?events=s3:ObjectCreated:*&events=s3:ObjectRemoved:Delete"
                    + "&prefix=photos/&suffix=.jpg&ping=10",
                Headers.of())
            .orThrow();
    Set<EventName> expected =
        EnumSet.of(
            EventName.OBJECT_CREATED_PUT,
            EventName.OBJECT_CREATED_POST,
            EventName.OBJECT_CREATED_COPY,
            EventName.OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD,
            EventName.OBJECT_REMOVED_DELETE);
    assertThat(op).isEqualTo(new ListenBucketNotification("b", expected, "photos/", ".jpg", 10));
    assertThat(op.name()).isEqualTo("ListenBucketNotification");
  }

  @Test
  void withoutPingMinIosBlankKeepAlive() {
    S3Operation op = parse("GET /b?events=s3:ObjectRemoved:*", Headers.of()).orThrow();
    assertThat(op)
        .isEqualTo(
            new ListenBucketNotification(
                "b",
                EnumSet.of(
                    EventName.OBJECT_REMOVED_DELETE,
                    EventName.OBJECT_REMOVED_DELETE_MARKER_CREATED),
                "",
                "",
                null));
  }

  @Test
  void anUnknownEventIsInvalid() {
    assertThat(code("GET /b?events=s3:ObjectCreated:Nope")).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(code("GET /b?events=")).isEqualTo(ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void eventsCofferNeverProducesAreNotImplementedNotIgnored() {
    assertThat(code("GET /b?events=s3:ObjectAccessed:*")).isEqualTo(ErrorCode.NOT_IMPLEMENTED);
    assertThat(code("GET /b?events=s3:ObjectRestore:Post")).isEqualTo(ErrorCode.NOT_IMPLEMENTED);
  }

  @Test
  void twoPrefixesOrABadPingAreInvalid() {
    assertThat(code("GET /b?events=s3:ObjectCreated:*&prefix=a&prefix=b"))
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(code("GET /b?events=s3:ObjectCreated:*&suffix=a&suffix=b"))
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(code("GET /b?events=s3:ObjectCreated:*&ping=0"))
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(code("GET /b?events=s3:ObjectCreated:*&ping=x"))
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void otherMethodsAndAListingAreNotListening() {
    assertThat(parse("GET /b?prefix=a", Headers.of()).type())
        .isEqualTo(S3Operation.ListObjects.class);
    assertThat(parse("DELETE /b?events=s3:ObjectCreated:*", Headers.of()).type())
        .isNotEqualTo(ListenBucketNotification.class);
  }

  @Test
  void theServerWideListenIsNotImplementedNotAListing() {
    assertThat(parse("GET /?events=s3:ObjectCreated:*", Headers.of()).orThrow())
        .isEqualTo(new S3Operation.Unsupported("ListenNotification", "", null));
  }

  private static ErrorCode code(String request) {
    ParsedRequest parsed = parse(request, Headers.of());
    assertThat(parsed.type()).isEqualTo(ListenBucketNotification.class);
    CofferException e = catchThrowableOfType(CofferException.class, parsed::orThrow);
    assertThat(e).as(request).isNotNull();
    return e.code();
  }
}
