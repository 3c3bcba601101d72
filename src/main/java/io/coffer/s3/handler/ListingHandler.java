package io.coffer.s3.handler;

import io.coffer.http.HttpResponse;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.ListPage;
import io.coffer.model.ObjectMeta;
import io.coffer.s3.HttpDates;
import io.coffer.s3.ObjectHeaders;
import io.coffer.s3.S3Request;
import io.coffer.s3.S3Responses;
import io.coffer.s3.auth.UriEncoding;
import io.coffer.s3.request.DecimalParam;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.xml.XmlWriter;
import io.coffer.service.Caller;
import io.coffer.service.ObjectService;
import org.jspecify.annotations.Nullable;

/** ListObjects (v1), ListObjectsV2 and ListObjectVersions (current objects as "null" versions). */
public final class ListingHandler {
  private static final int MAX_KEYS = 1000;

  private final ObjectService objects;

  public ListingHandler(ObjectService objects) {
    this.objects = objects;
  }

  HttpResponse listObjects(S3Request request, S3Operation.ListObjects op) {
    Listing listing = Listing.of(request);
    String marker = emptyToNull(request.query().get("marker"));
    ListPage page = page(request, op.bucket(), listing, marker);
    XmlWriter xml = S3Responses.document("ListBucketResult");
    xml.element("Name", op.bucket());
    xml.element("Prefix", listing.encode(listing.prefix));
    xml.element("Marker", listing.encode(marker == null ? "" : marker));
    xml.element("MaxKeys", listing.maxKeys);
    if (listing.delimiter != null) {
      xml.element("Delimiter", listing.encode(listing.delimiter));
    }
    xml.element("IsTruncated", Boolean.toString(page.truncated()));
    if (page.truncated() && page.lastReturned() != null) {
      xml.element("NextMarker", listing.encode(page.lastReturned()));
    }
    if (listing.urlEncoded) {
      xml.element("EncodingType", "url");
    }
    contents(xml, page, listing, request.caller(), true, "Contents");
    xml.end();
    return S3Responses.ok(xml);
  }

  HttpResponse listObjectsV2(S3Request request, S3Operation.ListObjectsV2 op) {
    Listing listing = Listing.of(request);
    String token = request.query().get(ContinuationToken.PARAMETER);
    String startAfter = emptyToNull(request.query().get("start-after"));
    String after =
        token != null ? ContinuationToken.position(ContinuationToken.Listing.OBJECTS, op.bucket(), token) : startAfter;
    ListPage page = page(request, op.bucket(), listing, after);
    XmlWriter xml = S3Responses.document("ListBucketResult");
    xml.element("Name", op.bucket());
    xml.element("Prefix", listing.encode(listing.prefix));
    if (listing.delimiter != null) {
      xml.element("Delimiter", listing.encode(listing.delimiter));
    }
    xml.element("MaxKeys", listing.maxKeys);
    xml.element("KeyCount", page.objects().size() + page.commonPrefixes().size());
    xml.element("IsTruncated", Boolean.toString(page.truncated()));
    if (token != null) {
      xml.element("ContinuationToken", token);
    }
    if (page.truncated() && page.lastReturned() != null) {
      xml.element(
          "NextContinuationToken",
          ContinuationToken.issue(ContinuationToken.Listing.OBJECTS, op.bucket(), page.lastReturned()));
    }
    if (startAfter != null) {
      xml.element("StartAfter", listing.encode(startAfter));
    }
    if (listing.urlEncoded) {
      xml.element("EncodingType", "url");
    }
    boolean fetchOwner = "true".equalsIgnoreCase(request.query().get("fetch-owner"));
    contents(xml, page, listing, request.caller(), fetchOwner, "Contents");
    xml.end();
    return S3Responses.ok(xml);
  }

  /** Without versioning every object has exactly one version, "null", and it is the latest. */
  HttpResponse listObjectVersions(S3Request request, S3Operation.ListObjectVersions op) {
    Listing listing = Listing.of(request);
    String keyMarker = emptyToNull(request.query().get("key-marker"));
    ListPage page = page(request, op.bucket(), listing, keyMarker);
    XmlWriter xml = S3Responses.document("ListVersionsResult");
    xml.element("Name", op.bucket());
    xml.element("Prefix", listing.encode(listing.prefix));
    xml.element("KeyMarker", listing.encode(keyMarker == null ? "" : keyMarker));
    xml.element("VersionIdMarker", "");
    xml.element("MaxKeys", listing.maxKeys);
    if (listing.delimiter != null) {
      xml.element("Delimiter", listing.encode(listing.delimiter));
    }
    xml.element("IsTruncated", Boolean.toString(page.truncated()));
    if (page.truncated() && page.lastReturned() != null) {
      xml.element("NextKeyMarker", listing.encode(page.lastReturned()));
      xml.element("NextVersionIdMarker", "null");
    }
    if (listing.urlEncoded) {
      xml.element("EncodingType", "url");
    }
    contents(xml, page, listing, request.caller(), true, "Version");
    xml.end();
    return S3Responses.ok(xml);
  }

  private ListPage page(S3Request request, String bucket, Listing listing, @Nullable String after) {
    return objects.list(request.caller(), bucket, listing.prefix, listing.delimiter, after, listing.maxKeys);
  }

  private static void contents(
      XmlWriter xml, ListPage page, Listing listing, Caller caller, boolean withOwner, String element) {
    boolean versions = element.equals("Version");
    for (ObjectMeta object : page.objects()) {
      xml.start(element);
      xml.element("Key", listing.encode(object.key()));
      if (versions) {
        xml.element("VersionId", "null");
        xml.element("IsLatest", "true");
      }
      xml.element("LastModified", HttpDates.iso8601(object.updatedAt()));
      xml.element("ETag", ObjectHeaders.quoted(object.etag()));
      if (object.checksum() != null && !versions) {
        xml.element("ChecksumAlgorithm", object.checksum().algorithm());
        xml.element("ChecksumType", object.checksum().type());
      }
      xml.element("Size", object.size());
      xml.element("StorageClass", "STANDARD");
      if (withOwner) {
        BucketHandler.owner(xml, caller);
      }
      xml.end();
    }
    for (String prefix : page.commonPrefixes()) {
      xml.start("CommonPrefixes");
      xml.element("Prefix", listing.encode(prefix));
      xml.end();
    }
  }

  private static @Nullable String emptyToNull(@Nullable String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  /** The parameters every listing shares. */
  private record Listing(String prefix, @Nullable String delimiter, int maxKeys, boolean urlEncoded) {
    static Listing of(S3Request request) {
      String prefix = request.query().get("prefix");
      String delimiter = emptyToNull(request.query().get("delimiter"));
      String encoding = request.query().get("encoding-type");
      if (encoding != null && !encoding.equals("url")) {
        throw new CofferException(ErrorCode.INVALID_ARGUMENT, "Invalid Encoding Method specified in Request");
      }
      return new Listing(prefix == null ? "" : prefix, delimiter, maxKeys(request), encoding != null);
    }

    private static int maxKeys(S3Request request) {
      String value = request.query().get("max-keys");
      if (value == null) {
        value = request.query().get("max-uploads");
      }
      if (value == null || value.isEmpty()) {
        return MAX_KEYS;
      }
      int parsed =
          DecimalParam.parse(value.trim(), 0, Integer.MAX_VALUE)
              .orElseThrow(
                  () ->
                      new CofferException(
                          ErrorCode.INVALID_ARGUMENT, "Provided max-keys not an integer or within integer range"));
      return Math.min(parsed, MAX_KEYS);
    }

    String encode(String value) {
      return urlEncoded ? UriEncoding.encodePath(value) : value;
    }
  }
}
