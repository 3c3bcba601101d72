package io.coffer.s3.response;

import static io.coffer.s3.response.Golden.NS;
import static io.coffer.s3.response.Golden.document;
import static io.coffer.s3.response.Golden.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.crypto.CustomerKey;
import io.coffer.crypto.SseRequest;
import io.coffer.http.HttpResponse;
import io.coffer.model.BucketEncryption;
import io.coffer.model.Encryption;
import org.junit.jupiter.api.Test;

class EncryptionXmlTest {
  @Test
  void kmsDefaultNamesItsKeyByArn() {
    assertThat(
            text(
                EncryptionXml.configuration(
                    new BucketEncryption(Encryption.Mode.KMS, "photos", true), "eu-west-1")))
        .isEqualTo(
            document(
                "<ServerSideEncryptionConfiguration" + NS + ">",
                "<Rule>",
                "<ApplyServerSideEncryptionByDefault>",
                "<SSEAlgorithm>aws:kms</SSEAlgorithm>",
                "<KMSMasterKeyID>arn:aws:kms:eu-west-1:000000000000:key/photos</KMSMasterKeyID>",
                "</ApplyServerSideEncryptionByDefault>",
                "<BucketKeyEnabled>true</BucketKeyEnabled>",
                "</Rule>",
                "</ServerSideEncryptionConfiguration>"));
  }

  @Test
  void sseS3Default() {
    assertThat(
            text(
                EncryptionXml.configuration(
                    new BucketEncryption(Encryption.Mode.S3, null, false), "us-east-1")))
        .isEqualTo(
            document(
                "<ServerSideEncryptionConfiguration" + NS + ">",
                "<Rule>",
                "<ApplyServerSideEncryptionByDefault>",
                "<SSEAlgorithm>AES256</SSEAlgorithm>",
                "</ApplyServerSideEncryptionByDefault>",
                "<BucketKeyEnabled>false</BucketKeyEnabled>",
                "</Rule>",
                "</ServerSideEncryptionConfiguration>"));
  }

  @Test
  void responseHeadersOfEachMode() {
    HttpResponse kms = new HttpResponse(200);
    EncryptionHeaders.written(
        kms,
        new Encryption(Encryption.Mode.KMS, "photos", new byte[1], "e30=", true, null),
        new SseRequest.Kms("photos", "e30=", true),
        "us-east-1");
    assertThat(kms.headers())
        .containsExactly(
            new String[] {"x-amz-server-side-encryption", "aws:kms"},
            new String[] {
              "x-amz-server-side-encryption-aws-kms-key-id",
              "arn:aws:kms:us-east-1:000000000000:key/photos"
            },
            new String[] {"x-amz-server-side-encryption-bucket-key-enabled", "true"},
            new String[] {"x-amz-server-side-encryption-context", "e30="});
    HttpResponse customer = new HttpResponse(200);
    CustomerKey key = new CustomerKey(new byte[32], "md5==");
    EncryptionHeaders.written(
        customer,
        new Encryption(Encryption.Mode.CUSTOMER, "", new byte[1], null, false, new byte[1]),
        new SseRequest.Customer(key),
        "us-east-1");
    assertThat(customer.headers())
        .containsExactly(
            new String[] {"x-amz-server-side-encryption-customer-algorithm", "AES256"},
            new String[] {"x-amz-server-side-encryption-customer-key-MD5", "md5=="});
    HttpResponse plain = new HttpResponse(200);
    EncryptionHeaders.write(plain, null, null, "us-east-1");
    assertThat(plain.headers()).isEmpty();
  }
}
