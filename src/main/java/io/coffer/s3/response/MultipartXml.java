package io.coffer.s3.response;

import io.coffer.http.HttpDates;
import io.coffer.model.CompletedUpload;
import io.coffer.model.MultipartUpload;
import io.coffer.model.Part;
import io.coffer.model.UploadListing;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.xml.XmlWriter;
import java.util.List;

/**
 * InitiateMultipartUploadResult, CompleteMultipartUploadResult, ListPartsResult and
 * ListMultipartUploadsResult.
 */
public final class MultipartXml {
  private MultipartXml() {}

  public static byte[] initiate(String bucket, String key, String uploadId) {
    XmlWriter xml = XmlElements.document("InitiateMultipartUploadResult");
    xml.element("Bucket", bucket);
    xml.element("Key", key);
    xml.element("UploadId", uploadId);
    xml.end();
    return xml.toBytes();
  }

  /** The object completed at bucket/key (as addressed, not as the upload remembers it). */
  public static byte[] complete(String bucket, String key, CompletedUpload completed) {
    XmlWriter xml = XmlElements.document("CompleteMultipartUploadResult");
    xml.element("Location", "/" + bucket + "/" + key);
    xml.element("Bucket", bucket);
    xml.element("Key", key);
    xml.element("ETag", ObjectHeaders.quoted(completed.etag()));
    XmlElements.checksum(xml, completed.checksum(), true);
    xml.end();
    return xml.toBytes();
  }

  /**
   * @param parts the parts after the marker, one more than a page holds when there are more
   * @param owner the upload's initiator and the bucket's owner
   */
  public static byte[] listParts(
      S3Operation.ListParts op, MultipartUpload upload, List<Part> parts, Owner owner) {
    boolean truncated = parts.size() > op.maxParts();
    List<Part> page = truncated ? parts.subList(0, op.maxParts()) : parts;
    XmlWriter xml = XmlElements.document("ListPartsResult");
    xml.element("Bucket", op.bucket());
    xml.element("Key", op.key());
    xml.element("UploadId", op.uploadId());
    xml.element("PartNumberMarker", op.partNumberMarker());
    if (!page.isEmpty()) {
      xml.element("NextPartNumberMarker", page.getLast().partNumber());
    }
    xml.element("MaxParts", op.maxParts());
    xml.element("IsTruncated", truncated);
    uploadChecksum(xml, upload);
    initiatorAndOwner(xml, owner);
    xml.element("StorageClass", "STANDARD");
    for (Part part : page) {
      xml.start("Part");
      xml.element("PartNumber", part.partNumber());
      xml.element("LastModified", HttpDates.iso8601(part.lastModified()));
      xml.element("ETag", ObjectHeaders.quoted(part.etag()));
      xml.element("Size", part.size());
      XmlElements.checksum(xml, part.checksum(), false);
      xml.end();
    }
    xml.end();
    return xml.toBytes();
  }

  /**
   * @param owner the initiator and owner of every upload listed
   */
  public static byte[] listUploads(
      S3Operation.ListMultipartUploads op, UploadListing listing, Owner owner) {
    XmlWriter xml = XmlElements.document("ListMultipartUploadsResult");
    xml.element("Bucket", op.bucket());
    xml.element("KeyMarker", op.keyMarker() == null ? "" : op.keyMarker());
    xml.element("UploadIdMarker", op.uploadIdMarker() == null ? "" : op.uploadIdMarker());
    if (listing.truncated()) {
      xml.element("NextKeyMarker", listing.nextKeyMarker());
      xml.element("NextUploadIdMarker", listing.nextUploadIdMarker());
    }
    xml.element("Prefix", op.prefix() == null ? "" : op.prefix());
    xml.element("Delimiter", op.delimiter());
    xml.element("MaxUploads", op.maxUploads());
    xml.element("IsTruncated", listing.truncated());
    for (MultipartUpload upload : listing.uploads()) {
      xml.start("Upload");
      xml.element("Key", upload.key());
      xml.element("UploadId", upload.uploadId());
      initiatorAndOwner(xml, owner);
      xml.element("StorageClass", "STANDARD");
      xml.element("Initiated", HttpDates.iso8601(upload.initiatedAt()));
      uploadChecksum(xml, upload);
      xml.end();
    }
    for (String commonPrefix : listing.commonPrefixes()) {
      xml.start("CommonPrefixes");
      xml.element("Prefix", commonPrefix);
      xml.end();
    }
    xml.end();
    return xml.toBytes();
  }

  private static void uploadChecksum(XmlWriter xml, MultipartUpload upload) {
    if (upload.checksumAlgorithm() != null) {
      xml.element("ChecksumAlgorithm", upload.checksumAlgorithm());
      xml.element("ChecksumType", upload.checksumType());
    }
  }

  /** Only the bucket's owner can list its uploads, so one caller is both initiator and owner. */
  private static void initiatorAndOwner(XmlWriter xml, Owner owner) {
    XmlElements.owner(xml, "Initiator", owner);
    XmlElements.owner(xml, "Owner", owner);
  }
}
