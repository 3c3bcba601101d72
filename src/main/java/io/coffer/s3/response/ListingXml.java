package io.coffer.s3.response;

import io.coffer.http.HttpDates;
import io.coffer.http.UriCodec;
import io.coffer.model.ListPage;
import io.coffer.model.ListedObject;
import io.coffer.model.ListedVersion;
import io.coffer.model.VersionPage;
import io.coffer.s3.request.ContinuationToken;
import io.coffer.s3.request.ListParameters;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.xml.XmlWriter;
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
        xml.element("ETag", ObjectHeaders.quoted(version.etag()));
        if (version.checksum() != null) {
          xml.element("ChecksumAlgorithm", version.checksum().algorithm());
          xml.element("ChecksumType", version.checksum().type());
        }
        xml.element("Size", version.size());
        xml.element("StorageClass", "STANDARD");
      }
      XmlElements.owner(xml, "Owner", owner);
      xml.end();
    }
    for (String prefix : page.commonPrefixes()) {
      xml.start("CommonPrefixes");
      xml.element("Prefix", encode(list, prefix));
      xml.end();
    }
    xml.end();
    return xml.toBytes();
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
      xml.element("ETag", ObjectHeaders.quoted(object.etag()));
      if (object.checksum() != null) {
        xml.element("ChecksumAlgorithm", object.checksum().algorithm());
        xml.element("ChecksumType", object.checksum().type());
      }
      xml.element("Size", object.size());
      xml.element("StorageClass", "STANDARD");
      if (owner != null) {
        XmlElements.owner(xml, "Owner", owner);
      }
      xml.end();
    }
    for (String prefix : page.commonPrefixes()) {
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
