package io.coffer.s3.response;

import io.coffer.model.LifecycleConfiguration;
import io.coffer.model.LifecycleExpiration;
import io.coffer.model.LifecycleFilter;
import io.coffer.model.LifecycleRule;
import io.coffer.model.NoncurrentVersionExpiration;
import io.coffer.s3.xml.XmlWriter;
import java.util.Map;

/** LifecycleConfiguration, as GetBucketLifecycleConfiguration answers it. */
public final class LifecycleXml {
  private LifecycleXml() {}

  public static byte[] lifecycleConfiguration(LifecycleConfiguration configuration) {
    XmlWriter xml = XmlElements.document("LifecycleConfiguration");
    for (LifecycleRule rule : configuration.rules()) {
      rule(xml, rule);
    }
    xml.end();
    return xml.toBytes();
  }

  private static void rule(XmlWriter xml, LifecycleRule rule) {
    xml.start("Rule");
    xml.element("ID", rule.id());
    LifecycleFilter filter = rule.filter();
    if (filter.legacyPrefix()) {
      xml.element("Prefix", filter.prefix());
    } else {
      filter(xml, filter);
    }
    xml.element("Status", rule.enabled() ? "Enabled" : "Disabled");
    LifecycleExpiration expiration = rule.expiration();
    if (expiration != null) {
      expiration(xml, expiration);
    }
    NoncurrentVersionExpiration noncurrent = rule.noncurrentExpiration();
    if (noncurrent != null) {
      xml.start("NoncurrentVersionExpiration");
      xml.element("NoncurrentDays", noncurrent.noncurrentDays());
      Integer newer = noncurrent.newerNoncurrentVersions();
      if (newer != null) {
        xml.element("NewerNoncurrentVersions", newer.longValue());
      }
      xml.end();
    }
    Integer abortDays = rule.abortIncompleteUploadDays();
    if (abortDays != null) {
      xml.start("AbortIncompleteMultipartUpload");
      xml.element("DaysAfterInitiation", abortDays.longValue());
      xml.end();
    }
    xml.end();
  }

  /** One predicate on its own, two or more under And, as the client has to send them. */
  private static void filter(XmlWriter xml, LifecycleFilter filter) {
    int predicates =
        (filter.prefix() != null ? 1 : 0)
            + filter.tags().size()
            + (filter.sizeGreaterThan() != null ? 1 : 0)
            + (filter.sizeLessThan() != null ? 1 : 0);
    xml.start("Filter");
    if (predicates > 1) {
      xml.start("And");
    }
    xml.element("Prefix", filter.prefix());
    for (Map.Entry<String, String> tag : filter.tags().entrySet()) {
      xml.start("Tag");
      xml.element("Key", tag.getKey());
      xml.element("Value", tag.getValue());
      xml.end();
    }
    Long greater = filter.sizeGreaterThan();
    if (greater != null) {
      xml.element("ObjectSizeGreaterThan", greater.longValue());
    }
    Long less = filter.sizeLessThan();
    if (less != null) {
      xml.element("ObjectSizeLessThan", less.longValue());
    }
    if (predicates > 1) {
      xml.end();
    }
    xml.end();
  }

  private static void expiration(XmlWriter xml, LifecycleExpiration expiration) {
    xml.start("Expiration");
    Integer days = expiration.days();
    if (days != null) {
      xml.element("Days", days.longValue());
    }
    if (expiration.date() != null) {
      xml.element("Date", expiration.date() + "T00:00:00.000Z");
    }
    if (expiration.expiredObjectDeleteMarker()) {
      xml.element("ExpiredObjectDeleteMarker", true);
    }
    xml.end();
  }
}
