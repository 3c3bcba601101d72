package io.coffer.it.auth;

import io.coffer.it.admin.Api;
import io.coffer.it.support.RawS3;
import java.net.http.HttpResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What a server answered: the status and the error code, from S3's XML (or the {@code
 * x-amz-error-code} header of a HEAD) or from the management API's JSON {@code error} field.
 */
record Answer(int status, String code) {

  static Answer of(HttpResponse<String> response) {
    String code = RawS3.errorCode(response);
    if (code == null) {
      code = response.headers().firstValue("x-amz-error-code").orElse(null);
    }
    return new Answer(response.statusCode(), code);
  }

  /** A call through the AWS SDK: its exception's status and code, or 200 when it succeeded. */
  static Answer of(Runnable sdkCall) {
    try {
      sdkCall.run();
      return new Answer(200, null);
    } catch (S3Exception e) {
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      if (code == null && e.awsErrorDetails() != null) {
        code =
            e.awsErrorDetails()
                .sdkHttpResponse()
                .firstMatchingHeader("x-amz-error-code")
                .orElse(null);
      }
      return new Answer(e.statusCode(), code);
    }
  }

  static Answer of(Api.Reply reply) {
    String body = reply.http().body();
    String code =
        body.startsWith("{") && reply.json().has("error")
            ? reply.json().get("error").asString()
            : null;
    return new Answer(reply.status(), code);
  }

  @Override
  public String toString() {
    return status + " " + code;
  }
}
