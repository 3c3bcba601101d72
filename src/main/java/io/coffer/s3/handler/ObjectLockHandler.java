package io.coffer.s3.handler;

import io.coffer.http.HttpResponse;
import io.coffer.model.Bucket;
import io.coffer.model.CofferException;
import io.coffer.model.DefaultRetention;
import io.coffer.model.ErrorCode;
import io.coffer.model.ObjectLock;
import io.coffer.s3.request.RequestBodies;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.request.S3Request;
import io.coffer.s3.response.ObjectLockXml;
import io.coffer.s3.response.S3Responses;
import io.coffer.s3.xml.LegalHoldXml;
import io.coffer.s3.xml.ObjectLockConfigurationXml;
import io.coffer.s3.xml.RetentionXml;
import io.coffer.service.Action;
import io.coffer.service.BucketService;
import io.coffer.service.ObjectLockService;

/**
 * PutObjectLockConfiguration, GetObjectLockConfiguration, PutObjectRetention, GetObjectRetention,
 * PutObjectLegalHold and GetObjectLegalHold. The access check comes before the body is read.
 */
public final class ObjectLockHandler {
  private final BucketService buckets;
  private final ObjectLockService locks;

  public ObjectLockHandler(BucketService buckets, ObjectLockService locks) {
    this.buckets = buckets;
    this.locks = locks;
  }

  HttpResponse putObjectLockConfiguration(
      S3Request request, S3Operation.PutObjectLockConfiguration op) {
    buckets.require(request.caller(), op.bucket(), Action.PUT_BUCKET_OBJECT_LOCK_CONFIGURATION);
    DefaultRetention rule =
        new ObjectLockConfigurationXml()
            .parse(RequestBodies.open(request, op.checksums()).verifiedStream())
            .orElse(null);
    buckets.setObjectLock(request.caller(), op.bucket(), rule);
    return new HttpResponse(200);
  }

  HttpResponse getObjectLockConfiguration(
      S3Request request, S3Operation.GetObjectLockConfiguration op) {
    Bucket bucket =
        buckets.require(request.caller(), op.bucket(), Action.GET_BUCKET_OBJECT_LOCK_CONFIGURATION);
    if (!bucket.objectLock()) {
      throw new CofferException(ErrorCode.OBJECT_LOCK_CONFIGURATION_NOT_FOUND);
    }
    return S3Responses.ok(ObjectLockXml.objectLockConfiguration(bucket.defaultRetention()));
  }

  HttpResponse putObjectRetention(S3Request request, S3Operation.PutObjectRetention op) {
    buckets.require(request.caller(), op.bucket(), Action.PUT_OBJECT_RETENTION);
    RetentionXml.Requested retention =
        new RetentionXml().parse(RequestBodies.open(request, op.checksums()).verifiedStream());
    locks.putRetention(
        request.caller(),
        op.bucket(),
        op.key(),
        op.versionId(),
        retention.mode(),
        retention.retainUntil(),
        op.bypassGovernance());
    return new HttpResponse(200);
  }

  HttpResponse getObjectRetention(S3Request request, S3Operation.GetObjectRetention op) {
    ObjectLock lock =
        locks.lock(
            request.caller(), op.bucket(), op.key(), op.versionId(), Action.GET_OBJECT_RETENTION);
    if (!lock.hasRetention()) {
      throw new CofferException(ErrorCode.NO_SUCH_OBJECT_LOCK_CONFIGURATION);
    }
    return S3Responses.ok(ObjectLockXml.retention(lock));
  }

  HttpResponse putObjectLegalHold(S3Request request, S3Operation.PutObjectLegalHold op) {
    buckets.require(request.caller(), op.bucket(), Action.PUT_OBJECT_LEGAL_HOLD);
    boolean on =
        new LegalHoldXml().parse(RequestBodies.open(request, op.checksums()).verifiedStream());
    locks.putLegalHold(request.caller(), op.bucket(), op.key(), op.versionId(), on);
    return new HttpResponse(200);
  }

  /** A version whose hold was never set answers NoSuchObjectLockConfiguration, as S3 does. */
  HttpResponse getObjectLegalHold(S3Request request, S3Operation.GetObjectLegalHold op) {
    ObjectLock lock =
        locks.lock(
            request.caller(), op.bucket(), op.key(), op.versionId(), Action.GET_OBJECT_LEGAL_HOLD);
    if (lock.legalHold() == null) {
      throw new CofferException(ErrorCode.NO_SUCH_OBJECT_LOCK_CONFIGURATION);
    }
    return S3Responses.ok(ObjectLockXml.legalHold(lock.legalHoldOn()));
  }
}
