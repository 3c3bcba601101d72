package io.coffer.s3.response;

import io.coffer.http.HttpDates;
import io.coffer.model.DefaultRetention;
import io.coffer.model.ObjectLock;
import io.coffer.s3.xml.XmlWriter;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** ObjectLockConfiguration, Retention and LegalHold, as the Get operations answer them. */
public final class ObjectLockXml {
  private ObjectLockXml() {}

  /** A lock-enabled bucket's configuration, with its default retention rule if it has one. */
  public static byte[] objectLockConfiguration(@Nullable DefaultRetention rule) {
    XmlWriter xml = XmlElements.document("ObjectLockConfiguration");
    xml.element("ObjectLockEnabled", "Enabled");
    if (rule != null) {
      xml.start("Rule");
      xml.start("DefaultRetention");
      xml.element("Mode", rule.mode().name());
      Integer days = rule.days();
      if (days != null) {
        xml.element("Days", days.longValue());
      } else {
        xml.element("Years", Objects.requireNonNull(rule.years()).longValue());
      }
      xml.end();
      xml.end();
    }
    xml.end();
    return xml.toBytes();
  }

  /** A version's retention; only for a lock that {@link ObjectLock#hasRetention has one}. */
  public static byte[] retention(ObjectLock lock) {
    XmlWriter xml = XmlElements.document("Retention");
    xml.element("Mode", Objects.requireNonNull(lock.mode()).name());
    xml.element("RetainUntilDate", HttpDates.iso8601(Objects.requireNonNull(lock.retainUntil())));
    xml.end();
    return xml.toBytes();
  }

  public static byte[] legalHold(boolean on) {
    XmlWriter xml = XmlElements.document("LegalHold");
    xml.element("Status", on ? "ON" : "OFF");
    xml.end();
    return xml.toBytes();
  }
}
