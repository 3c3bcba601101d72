package io.coffer.s3.handler;

import io.coffer.http.HttpResponse;
import io.coffer.s3.request.RequestBodies;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.request.S3Request;
import io.coffer.s3.response.EncryptionXml;
import io.coffer.s3.response.S3Responses;
import io.coffer.s3.xml.EncryptionConfigurationXml;
import io.coffer.service.Action;
import io.coffer.service.BucketService;
import io.coffer.service.EncryptionService;

/** PutBucketEncryption, GetBucketEncryption and DeleteBucketEncryption: a bucket's default. */
public final class EncryptionHandler {
  private final BucketService buckets;
  private final EncryptionService encryption;

  public EncryptionHandler(BucketService buckets, EncryptionService encryption) {
    this.buckets = buckets;
    this.encryption = encryption;
  }

  HttpResponse getBucketEncryption(S3Request request, S3Operation.GetBucketEncryption op) {
    return S3Responses.ok(
        EncryptionXml.configuration(
            encryption.get(request.caller(), op.bucket()), buckets.region()));
  }

  /** The access check comes before the body is read. */
  HttpResponse putBucketEncryption(S3Request request, S3Operation.PutBucketEncryption op) {
    buckets.require(request.caller(), op.bucket(), Action.PUT_ENCRYPTION_CONFIGURATION);
    EncryptionConfigurationXml.Rule rule =
        new EncryptionConfigurationXml()
            .parse(RequestBodies.open(request, op.checksums()).verifiedStream());
    encryption.put(
        request.caller(), op.bucket(), rule.algorithm(), rule.kmsKeyId(), rule.bucketKeyEnabled());
    return new HttpResponse(200);
  }

  HttpResponse deleteBucketEncryption(S3Request request, S3Operation.DeleteBucketEncryption op) {
    encryption.delete(request.caller(), op.bucket());
    return new HttpResponse(204);
  }
}
