package io.coffer.s3.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Content-Encoding is stored and returned byte for byte; only an aws-chunked token that frames the
 * request's body is removed.
 */
class StoredContentEncodingTest {
  @ParameterizedTest(name = "[{0}] framed={1} -> [{2}]")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      textBlock =
          """
          'deflate, gzip'                | false | 'deflate, gzip'
          'deflate,gzip'                 | false | 'deflate,gzip'
          'gzip'                         | false | 'gzip'
          'x-custom;q=1,  br'            | false | 'x-custom;q=1,  br'
          'aws-chunked'                  | false | 'aws-chunked'
          'aws-chunked'                  | true  | NULL
          'aws-chunked, deflate, gzip'   | true  | 'deflate, gzip'
          'deflate, aws-chunked, gzip'   | true  | 'deflate, gzip'
          'deflate,  gzip,aws-chunked'   | true  | 'deflate,  gzip'
          'AWS-CHUNKED,gzip'             | true  | 'gzip'
          'deflate, gzip'                | true  | 'deflate, gzip'
          NULL                           | true  | NULL
          """)
  void contentEncodingIsStoredByteForByte(String header, boolean awsChunkedBody, String stored) {
    assertThat(ObjectAttributeHeaders.storedContentEncoding(header, awsChunkedBody))
        .isEqualTo(stored);
  }
}
