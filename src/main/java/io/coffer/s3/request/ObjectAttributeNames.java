package io.coffer.s3.request;

import io.coffer.http.Headers;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.util.EnumSet;
import java.util.Set;

/** The x-amz-object-attributes header of GetObjectAttributes: which attributes to answer. */
public final class ObjectAttributeNames {
  private ObjectAttributeNames() {}

  /** An attribute GetObjectAttributes can answer, by its name in the header and the document. */
  public enum Attribute {
    ETAG("ETag"),
    CHECKSUM("Checksum"),
    OBJECT_PARTS("ObjectParts"),
    STORAGE_CLASS("StorageClass"),
    OBJECT_SIZE("ObjectSize");

    private final String s3Name;

    Attribute(String s3Name) {
      this.s3Name = s3Name;
    }

    public String s3Name() {
      return s3Name;
    }
  }

  /**
   * The attributes the header names, comma-separated (the header may also come more than once). As
   * AWS: empty items are skipped; none at all is InvalidRequest; an unknown name (exact case) is
   * InvalidArgument naming it.
   */
  static Set<Attribute> parse(Headers headers) {
    Set<Attribute> attributes = EnumSet.noneOf(Attribute.class);
    for (String value : headers.getAll("x-amz-object-attributes")) {
      for (String item : value.split(",", -1)) {
        String name = item.trim();
        if (!name.isEmpty()) {
          attributes.add(named(name));
        }
      }
    }
    if (attributes.isEmpty()) {
      throw new CofferException(
          ErrorCode.INVALID_REQUEST,
          "The x-amz-object-attributes header specifying the attributes to be retrieved is either"
              + " missing or empty");
    }
    return attributes;
  }

  private static Attribute named(String name) {
    for (Attribute attribute : Attribute.values()) {
      if (attribute.s3Name.equals(name)) {
        return attribute;
      }
    }
    throw CofferException.invalidArgument(
        "Invalid attribute name specified.", "x-amz-object-attributes", name);
  }
}
