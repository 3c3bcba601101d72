package io.coffer.s3.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coffer.http.Headers;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.s3.request.ObjectAttributeNames.Attribute;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** GetObjectAttributes' headers as AWS reads them. */
class GetObjectAttributesParsingTest {

  static S3Operation.GetObjectAttributes parse(Headers headers) {
    return (S3Operation.GetObjectAttributes)
        S3RequestParserTest.parse("GET /b/k?attributes", headers).orThrow();
  }

  static CofferException refusal(Headers headers) {
    return catchThrowableOfType(CofferException.class, () -> parse(headers));
  }

  @Test
  void everyAttributeIsReadAndEmptyItemsAndSpacesAreSkipped() {
    S3Operation.GetObjectAttributes op =
        parse(
            Headers.of(
                "x-amz-object-attributes",
                "ETag, Checksum,,ObjectParts",
                "x-amz-object-attributes",
                "StorageClass,ObjectSize"));
    assertThat(op.attributes()).isEqualTo(EnumSet.allOf(Attribute.class));
    assertThat(op.maxParts()).isEqualTo(1000);
    assertThat(op.partNumberMarker()).isZero();
  }

  @Test
  void aMissingOrEmptyHeaderIsInvalidRequest() {
    for (Headers headers :
        new Headers[] {Headers.of(), Headers.of("x-amz-object-attributes", " , ")}) {
      CofferException e = refusal(headers);
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
      assertThat(e.getMessage())
          .isEqualTo(
              "The x-amz-object-attributes header specifying the attributes to be retrieved is"
                  + " either missing or empty");
    }
  }

  @Test
  void anUnknownNameIsInvalidArgumentNamingIt() {
    CofferException e = refusal(Headers.of("x-amz-object-attributes", "ETag,etag"));
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(e.getMessage()).isEqualTo("Invalid attribute name specified.");
    assertThat(e.fields()).containsEntry("ArgumentName", "x-amz-object-attributes");
    assertThat(e.fields()).containsEntry("ArgumentValue", "etag");
  }

  @Test
  void badPagingValuesAreIgnoredAndLargeOnesCapped() {
    S3Operation.GetObjectAttributes bad =
        parse(
            Headers.of(
                "x-amz-object-attributes", "ObjectParts",
                "x-amz-max-parts", "-1",
                "x-amz-part-number-marker", "x"));
    assertThat(bad.maxParts()).isEqualTo(1000);
    assertThat(bad.partNumberMarker()).isZero();
    S3Operation.GetObjectAttributes large =
        parse(
            Headers.of(
                "x-amz-object-attributes", "ObjectParts",
                "x-amz-max-parts", "5000",
                "x-amz-part-number-marker", "3"));
    assertThat(large.maxParts()).isEqualTo(1000);
    assertThat(large.partNumberMarker()).isEqualTo(3);
  }
}
