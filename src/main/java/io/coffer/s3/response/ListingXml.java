package io.coffer.s3.response;

import io.coffer.http.HttpDates;
import io.coffer.http.UriCodec;
import io.coffer.model.ListPage;
import io.coffer.model.ListedObject;
import io.coffer.model.ListedVersion;
import io.coffer.model.StoredChecksum;
import io.coffer.model.VersionPage;
import io.coffer.s3.request.ContinuationToken;
import io.coffer.s3.request.ListParameters;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.xml.XmlWriter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** ListBucketResult (ListObjects versions 1 and 2) and ListVersionsResult. */
public final class ListingXml {
  private ListingXml() {}

  public static byte[] listObjects(S3Operation.ListObjects op, ListPage page, Owner owner) {
    ListParameters list = op.list();
    XmlWriter xml = XmlElements.document("ListBucketResult");
    xml.element("Name", op.bucket());
    xml.element("Prefix", encode(list, list.prefix()));
    xml.element("Marker", encode(list, op.marker() == null ? "" : op.marker()));
    xml.element("MaxKeys", list.maxKeys());
    xml.element("Delimiter", encode(list, list.delimiter()));
    xml.element("IsTruncated", page.truncated());
    if (page.truncated()) {
      xml.element("NextMarker", encode(list, page.lastReturned()));
    }
    encodingType(xml, list);
    contents(xml, page, list, owner, "Contents");
    xml.end();
    return xml.toBytes();
  }

  public static byte[] listObjectsV2(S3Operation.ListObjectsV2 op, ListPage page, Owner owner) {
    ListParameters list = op.list();
    XmlWriter xml = XmlElements.document("ListBucketResult");
    xml.element("Name", op.bucket());
    xml.element("Prefix", encode(list, list.prefix()));
    xml.element("Delimiter", encode(list, list.delimiter()));
    xml.element("MaxKeys", list.maxKeys());
    xml.element("KeyCount", page.objects().size() + page.commonPrefixes().size());
    xml.element("IsTruncated", page.truncated());
    if (op.continuationToken() != null) {
      xml.element("ContinuationToken", op.continuationToken().token());
    }
    if (page.truncated() && page.lastReturned() != null) {
      xml.element(
          "NextContinuationToken",
          ContinuationToken.issue(
              ContinuationToken.Listing.OBJECTS, op.bucket(), page.lastReturned()));
    }
    xml.element("StartAfter", encode(list, op.startAfter()));
    encodingType(xml, list);
    contents(xml, page, list, op.fetchOwner() ? owner : null, "Contents");
    xml.end();
    return xml.toBytes();
  }

  /**
   * Versions and delete markers in the order the store gives them (by key, newest first within a
   * key), then the common prefixes.
   */
  public static byte[] listObjectVersions(
      S3Operation.ListObjectVersions op, VersionPage page, Owner owner) {
    ListParameters list = op.list();
    XmlWriter xml = XmlElements.document("ListVersionsResult");
    xml.element("Name", op.bucket());
    xml.element("Prefix", encode(list, list.prefix()));
    xml.element("KeyMarker", encode(list, op.keyMarker() == null ? "" : op.keyMarker()));
    xml.element("VersionIdMarker", op.versionIdMarker() == null ? "" : op.versionIdMarker());
    xml.element("MaxKeys", list.maxKeys());
    xml.element("Delimiter", encode(list, list.delimiter()));
    xml.element("IsTruncated", page.truncated());
    if (page.truncated()) {
      xml.element("NextKeyMarker", encode(list, page.nextKeyMarker()));
      xml.element("NextVersionIdMarker", page.nextVersionIdMarker());
    }
    encodingType(xml, list);
    for (ListedVersion version : page.versions()) {
      xml.start(version.deleteMarker() ? "DeleteMarker" : "Version");
      xml.element("Key", encode(list, version.key()));
      xml.element("VersionId", version.versionId());
      xml.element("IsLatest", version.latest());
      xml.element("LastModified", HttpDates.iso8601(version.lastModified()));
      if (!version.deleteMarker()) {
        stored(xml, version.etag(), version.checksum(), version.size());
      }
      XmlElements.owner(xml, "Owner", owner);
      xml.end();
    }
    commonPrefixes(xml, page.commonPrefixes(), list);
    xml.end();
    return xml.toBytes();
  }

  /** What a listing shows of an object's stored bytes: ETag, checksum, size, storage class. */
  private static void stored(
      XmlWriter xml, String etag, @Nullable StoredChecksum checksum, long size) {
    xml.element("ETag", ObjectHeaders.quoted(etag));
    if (checksum != null) {
      xml.element("ChecksumAlgorithm", checksum.algorithm());
      xml.element("ChecksumType", checksum.type());
    }
    xml.element("Size", size);
    xml.element("StorageClass", "STANDARD");
  }

  /**
   * @param owner written with each entry, or null for none
   */
  private static void contents(
      XmlWriter xml, ListPage page, ListParameters list, @Nullable Owner owner, String element) {
    for (ListedObject object : page.objects()) {
      xml.start(element);
      xml.element("Key", encode(list, object.key()));
      xml.element("LastModified", HttpDates.iso8601(object.updatedAt()));
      stored(xml, object.etag(), object.checksum(), object.size());
      if (owner != null) {
        XmlElements.owner(xml, "Owner", owner);
      }
      xml.end();
    }
    commonPrefixes(xml, page.commonPrefixes(), list);
  }

  private static void commonPrefixes(XmlWriter xml, List<String> prefixes, ListParameters list) {
    for (String prefix : prefixes) {
      xml.start("CommonPrefixes");
      xml.element("Prefix", encode(list, prefix));
      xml.end();
    }
  }

  private static void encodingType(XmlWriter xml, ListParameters list) {
    if (list.urlEncoded()) {
      xml.element("EncodingType", "url");
    }
  }

  /** Keys and prefixes as the client asked for them; null stays null (no element). */
  private static @Nullable String encode(ListParameters list, @Nullable String value) {
    return list.urlEncoded() && value != null ? UriCodec.encodePath(value) : value;
  }
}
