package io.coffer.s3.response;

import io.coffer.s3.xml.XmlWriter;

/** PostResponse: the answer to a POST upload that asked for success_action_status 201. */
public final class PostObjectXml {
  private PostObjectXml() {}

  /**
   * The document naming the stored object.
   *
   * @param location the object's URL
   * @param etag the object's ETag, unquoted
   */
  public static byte[] postResponse(String location, String bucket, String key, String etag) {
    XmlWriter xml = XmlElements.document("PostResponse");
    xml.element("Location", location);
    xml.element("Bucket", bucket);
    xml.element("Key", key);
    xml.element("ETag", ObjectHeaders.quoted(etag));
    xml.end();
    return xml.toBytes();
  }
}
