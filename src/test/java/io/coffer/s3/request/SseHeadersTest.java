package io.coffer.s3.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coffer.crypto.CustomerKey;
import io.coffer.crypto.SseRequest;
import io.coffer.http.Headers;
import io.coffer.model.CofferException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The encryption headers as AWS reads them, and AWS's errors for the wrong ones. */
class SseHeadersTest {
  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final String KEY64 = Base64.getEncoder().encodeToString(KEY);
  private static final String MD5 = md5(KEY);

  @Test
  void noHeadersAskForNothingSoTheBucketDefaultApplies() {
    assertThat(SseHeaders.write(Headers.of())).isEqualTo(SseRequest.NONE);
    assertThat(SseHeaders.customerKey(Headers.of())).isNull();
    assertThat(SseHeaders.copySourceKey(Headers.of())).isNull();
  }

  @Test
  void sseS3AndKmsWithNameArnContextAndBucketKey() {
    assertThat(SseHeaders.write(Headers.of("x-amz-server-side-encryption", "AES256")))
        .isEqualTo(new SseRequest.S3());
    assertThat(SseHeaders.write(Headers.of("x-amz-server-side-encryption", "aws:kms")))
        .isEqualTo(new SseRequest.Kms(null, null, false));
    String context = Base64.getEncoder().encodeToString("{\"a\":\"b\"}".getBytes());
    assertThat(
            SseHeaders.write(
                Headers.of(
                    "x-amz-server-side-encryption", "aws:kms",
                    "x-amz-server-side-encryption-aws-kms-key-id",
                        "arn:aws:kms:us-east-1:123456789012:key/photos",
                    "x-amz-server-side-encryption-context", context,
                    "x-amz-server-side-encryption-bucket-key-enabled", "true")))
        .isEqualTo(new SseRequest.Kms("photos", context, true));
  }

  @Test
  void customerKeyIsCheckedAgainstItsMd5() {
    SseRequest sse = SseHeaders.write(customer("x-amz-server-side-encryption-customer-", MD5));
    assertThat(sse).isInstanceOf(SseRequest.Customer.class);
    CustomerKey key = ((SseRequest.Customer) sse).key();
    assertThat(key.key()).isEqualTo(KEY);
    assertThat(key.md5()).isEqualTo(MD5);
    assertThat(key.toString()).doesNotContain(KEY64);
    assertThat(
            SseHeaders.copySourceKey(
                customer("x-amz-copy-source-server-side-encryption-customer-", MD5)))
        .isEqualTo(key);
  }

  @Test
  void awsErrorsForBadHeaders() {
    assertError(Headers.of("x-amz-server-side-encryption", "AES128"), "InvalidArgument");
    assertError(Headers.of("x-amz-server-side-encryption-aws-kms-key-id", "k"), "InvalidArgument");
    assertError(
        Headers.of(
            "x-amz-server-side-encryption", "AES256",
            "x-amz-server-side-encryption-aws-kms-key-id", "k"),
        "InvalidArgument");
    assertError(
        Headers.of(
            "x-amz-server-side-encryption", "aws:kms",
            "x-amz-server-side-encryption-context", "bm90IGpzb24="),
        "InvalidArgument");
    assertError(Headers.of("x-amz-server-side-encryption", "aws:kms:dsse"), "NotImplemented");
    String p = "x-amz-server-side-encryption-customer-";
    assertError(customer(p, md5(new byte[32])), "InvalidArgument"); // MD5 of another key
    assertError(Headers.of(p + "algorithm", "AES256", p + "key", KEY64), "InvalidArgument");
    assertError(Headers.of(p + "algorithm", "AES256", p + "key-MD5", MD5), "InvalidArgument");
    assertError(Headers.of(p + "key", KEY64, p + "key-MD5", MD5), "InvalidArgument");
    assertError(
        Headers.of(p + "algorithm", "AES128", p + "key", KEY64, p + "key-MD5", MD5),
        "InvalidEncryptionAlgorithmError");
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
    assertError(
        Headers.of(
            p + "algorithm", "AES256", p + "key", shortKey, p + "key-MD5", md5(new byte[16])),
        "InvalidArgument");
    assertError(
        Headers.of(
            p + "algorithm",
            "AES256",
            p + "key",
            KEY64,
            p + "key-MD5",
            MD5,
            "x-amz-server-side-encryption",
            "AES256"),
        "InvalidArgument");
  }

  @Test
  void theKeyNeverAppearsInAnError() {
    String p = "x-amz-server-side-encryption-customer-";
    CofferException e =
        catchThrowableOfType(
            CofferException.class, () -> SseHeaders.write(customer(p, md5(new byte[32]))));
    assertThat(e.getMessage() + e.fields()).doesNotContain(KEY64);
  }

  private static Headers customer(String prefix, String md5) {
    return Headers.of(
        prefix + "algorithm", "AES256", prefix + "key", KEY64, prefix + "key-MD5", md5);
  }

  private static void assertError(Headers headers, String code) {
    CofferException e =
        catchThrowableOfType(CofferException.class, () -> SseHeaders.write(headers));
    assertThat(e).as(headers.toString()).isNotNull();
    assertThat(e.code().s3Code()).isEqualTo(code);
  }

  private static String md5(byte[] bytes) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
