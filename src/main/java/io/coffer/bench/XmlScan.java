package io.coffer.bench;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the few values the load generator needs from S3 responses (continuation tokens, upload IDs,
 * keys, error codes) by scanning for simple elements. A parser would cost more client CPU per
 * listing page than the server spends producing it, and these responses have no nesting of the same
 * element name.
 */
final class XmlScan {
  private XmlScan() {}

  /** The unescaped text of the first {@code <tag>}, or null. */
  static @Nullable String first(String xml, String tag) {
    int start = xml.indexOf('<' + tag + '>');
    if (start < 0) {
      return null;
    }
    start += tag.length() + 2;
    int end = xml.indexOf("</" + tag + '>', start);
    return end < 0 ? null : unescape(xml.substring(start, end));
  }

  /** The unescaped texts of every {@code <tag>}. */
  static List<String> all(String xml, String tag) {
    List<String> values = new ArrayList<>();
    String open = '<' + tag + '>';
    String close = "</" + tag + '>';
    int at = 0;
    while ((at = xml.indexOf(open, at)) >= 0) {
      int start = at + open.length();
      int end = xml.indexOf(close, start);
      if (end < 0) {
        break;
      }
      values.add(unescape(xml.substring(start, end)));
      at = end + close.length();
    }
    return values;
  }

  /** How many {@code <tag>} elements there are. */
  static int count(String xml, String tag) {
    String open = '<' + tag + '>';
    int n = 0;
    for (int at = xml.indexOf(open); at >= 0; at = xml.indexOf(open, at + open.length())) {
      n++;
    }
    return n;
  }

  static String unescape(String text) {
    if (text.indexOf('&') < 0) {
      return text;
    }
    return text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
