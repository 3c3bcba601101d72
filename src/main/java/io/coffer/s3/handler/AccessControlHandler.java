package io.coffer.s3.handler;

import io.coffer.http.HttpResponse;
import io.coffer.model.Acl;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.s3.request.RequestBodies;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.request.S3Request;
import io.coffer.s3.response.AccessControlXml;
import io.coffer.s3.response.S3Responses;
import io.coffer.s3.xml.AccessControlPolicyXml;
import io.coffer.s3.xml.OwnershipControlsXml;
import io.coffer.s3.xml.PublicAccessBlockXml;
import io.coffer.service.AclService;
import io.coffer.service.Action;
import io.coffer.service.BucketAccessService;
import io.coffer.service.BucketService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A bucket's policy, ACL, ownership controls and public access block, and object ACLs. The access
 * check comes before a body is read.
 */
public final class AccessControlHandler {
  /** The most of a policy body read: far above the 20 KB limit, so the limit answers first. */
  private static final int MAX_POLICY_BODY = 256 * 1024;

  private final BucketService buckets;
  private final BucketAccessService bucketAccess;
  private final AclService acls;

  public AccessControlHandler(
      BucketService buckets, BucketAccessService bucketAccess, AclService acls) {
    this.buckets = buckets;
    this.bucketAccess = bucketAccess;
    this.acls = acls;
  }

  HttpResponse getBucketPolicy(S3Request request, S3Operation.GetBucketPolicy op) {
    byte[] json =
        bucketAccess.policy(request.caller(), op.bucket()).getBytes(StandardCharsets.UTF_8);
    return new HttpResponse(200).body(json, "application/json");
  }

  HttpResponse putBucketPolicy(S3Request request, S3Operation.PutBucketPolicy op) {
    buckets.require(request.caller(), op.bucket(), Action.PUT_BUCKET_POLICY);
    byte[] body = readAtMost(RequestBodies.open(request, op.checksums()).verifiedStream());
    if (body.length > MAX_POLICY_BODY) {
      throw new CofferException(
          ErrorCode.POLICY_TOO_LARGE, ErrorCode.POLICY_TOO_LARGE.defaultMessage());
    }
    bucketAccess.putPolicy(request.caller(), op.bucket(), new String(body, StandardCharsets.UTF_8));
    return new HttpResponse(204);
  }

  HttpResponse deleteBucketPolicy(S3Request request, S3Operation.DeleteBucketPolicy op) {
    bucketAccess.deletePolicy(request.caller(), op.bucket());
    return new HttpResponse(204);
  }

  HttpResponse getBucketPolicyStatus(S3Request request, S3Operation.GetBucketPolicyStatus op) {
    return S3Responses.ok(
        AccessControlXml.policyStatus(bucketAccess.policyIsPublic(request.caller(), op.bucket())));
  }

  HttpResponse getBucketAcl(S3Request request, S3Operation.GetBucketAcl op) {
    return S3Responses.ok(
        AccessControlXml.accessControlPolicy(
            bucketAccess.bucketAcl(request.caller(), op.bucket())));
  }

  HttpResponse putBucketAcl(S3Request request, S3Operation.PutBucketAcl op) {
    buckets.require(request.caller(), op.bucket(), Action.PUT_BUCKET_ACL);
    InputStream body = RequestBodies.open(request, op.checksums()).verifiedStream();
    if (op.acl().present()) {
      requireEmpty(body);
      bucketAccess.putBucketAcl(request.caller(), op.bucket(), op.acl());
    } else {
      Acl document = new AccessControlPolicyXml().parse(body);
      bucketAccess.putBucketAcl(request.caller(), op.bucket(), document);
    }
    return new HttpResponse(200);
  }

  HttpResponse getObjectAcl(S3Request request, S3Operation.GetObjectAcl op) {
    return S3Responses.ok(
        AccessControlXml.accessControlPolicy(
            acls.objectAcl(request.caller(), op.bucket(), op.key(), op.versionId())));
  }

  HttpResponse putObjectAcl(S3Request request, S3Operation.PutObjectAcl op) {
    buckets.require(
        request.caller(),
        op.bucket(),
        op.versionId() == null ? Action.PUT_OBJECT_ACL : Action.PUT_OBJECT_VERSION_ACL);
    InputStream body = RequestBodies.open(request, op.checksums()).verifiedStream();
    if (op.acl().present()) {
      requireEmpty(body);
      acls.putObjectAcl(request.caller(), op.bucket(), op.key(), op.versionId(), op.acl());
    } else {
      Acl document = new AccessControlPolicyXml().parse(body);
      acls.putObjectAcl(request.caller(), op.bucket(), op.key(), op.versionId(), document);
    }
    HttpResponse response = new HttpResponse(200);
    if (op.versionId() != null) {
      response.header("x-amz-version-id", op.versionId());
    }
    return response;
  }

  HttpResponse getBucketOwnershipControls(
      S3Request request, S3Operation.GetBucketOwnershipControls op) {
    return S3Responses.ok(
        AccessControlXml.ownershipControls(
            bucketAccess.ownershipControls(request.caller(), op.bucket())));
  }

  HttpResponse putBucketOwnershipControls(
      S3Request request, S3Operation.PutBucketOwnershipControls op) {
    buckets.require(request.caller(), op.bucket(), Action.PUT_BUCKET_OWNERSHIP_CONTROLS);
    var ownership =
        new OwnershipControlsXml()
            .parse(RequestBodies.open(request, op.checksums()).verifiedStream());
    bucketAccess.putOwnershipControls(request.caller(), op.bucket(), ownership);
    return new HttpResponse(200);
  }

  HttpResponse deleteBucketOwnershipControls(
      S3Request request, S3Operation.DeleteBucketOwnershipControls op) {
    bucketAccess.deleteOwnershipControls(request.caller(), op.bucket());
    return new HttpResponse(204);
  }

  HttpResponse getPublicAccessBlock(S3Request request, S3Operation.GetPublicAccessBlock op) {
    return S3Responses.ok(
        AccessControlXml.publicAccessBlock(
            bucketAccess.publicAccessBlock(request.caller(), op.bucket())));
  }

  HttpResponse putPublicAccessBlock(S3Request request, S3Operation.PutPublicAccessBlock op) {
    buckets.require(request.caller(), op.bucket(), Action.PUT_BUCKET_PUBLIC_ACCESS_BLOCK);
    var block =
        new PublicAccessBlockXml()
            .parse(RequestBodies.open(request, op.checksums()).verifiedStream());
    bucketAccess.putPublicAccessBlock(request.caller(), op.bucket(), block);
    return new HttpResponse(200);
  }

  HttpResponse deletePublicAccessBlock(S3Request request, S3Operation.DeletePublicAccessBlock op) {
    bucketAccess.deletePublicAccessBlock(request.caller(), op.bucket());
    return new HttpResponse(204);
  }

  private static byte[] readAtMost(InputStream in) {
    try {
      return in.readNBytes(MAX_POLICY_BODY + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An ACL in headers and another in the body would contradict each other: S3 refuses both. */
  private static void requireEmpty(InputStream body) {
    try {
      if (body.read() != -1) {
        throw new CofferException(
            ErrorCode.UNEXPECTED_CONTENT, ErrorCode.UNEXPECTED_CONTENT.defaultMessage());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
