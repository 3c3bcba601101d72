package io.coffer.it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import software.amazon.awssdk.services.s3.model.S3Exception;

/** Asserts that a call fails with an exact S3 status and error code. */
public final class S3Assertions {
  private S3Assertions() {}

  /** A 304 Not Modified, which the SDK reports as an exception without an error code. */
  public static S3Exception assertS3Error304(Runnable call) {
    S3Exception e = catchThrowableOfType(S3Exception.class, call::run);
    assertThat(e).as("expected 304").isNotNull();
    assertThat(e.statusCode()).isEqualTo(304);
    return e;
  }

  public static S3Exception assertS3Error(int status, String code, Runnable call) {
    S3Exception e = catchThrowableOfType(S3Exception.class, call::run);
    assertThat(e).as("expected %s %s", status, code).isNotNull();
    assertThat(e.statusCode()).as("status of %s", e.getMessage()).isEqualTo(status);
    if (e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null) {
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
    } else {
      // HEAD errors carry no body; the code travels in x-amz-error-code
      assertThat(e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-error-code"))
          .hasValue(code);
    }
    return e;
  }
}
