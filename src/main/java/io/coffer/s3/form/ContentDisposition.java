package io.coffer.s3.form;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A part's {@code Content-Disposition: form-data; name="..."; filename="..."}. Browsers quote the
 * values and escape a quote inside as {@code %22} (the HTML standard) or {@code \"}; both are read.
 */
record ContentDisposition(String name, @Nullable String filename) {

  static ContentDisposition parse(String header) {
    int semicolon = header.indexOf(';');
    String type = (semicolon < 0 ? header : header.substring(0, semicolon)).trim();
    if (!type.equalsIgnoreCase("form-data")) {
      throw MultipartFormReader.malformed();
    }
    String name = null;
    String filename = null;
    int i = semicolon < 0 ? header.length() : semicolon + 1;
    while (i < header.length()) {
      int eq = header.indexOf('=', i);
      if (eq < 0) {
        break;
      }
      String param = header.substring(i, eq).trim().toLowerCase(Locale.ROOT);
      StringBuilder value = new StringBuilder();
      int j = eq + 1;
      while (j < header.length() && header.charAt(j) == ' ') {
        j++;
      }
      if (j < header.length() && header.charAt(j) == '"') {
        j++;
        while (j < header.length() && header.charAt(j) != '"') {
          char c = header.charAt(j);
          // only \" and \\ are escapes: a Windows path's other backslashes stay as sent
          if (c == '\\' && j + 1 < header.length() && "\"\\".indexOf(header.charAt(j + 1)) >= 0) {
            c = header.charAt(++j);
          }
          value.append(c);
          j++;
        }
        if (j >= header.length()) {
          throw MultipartFormReader.malformed(); // unterminated quote
        }
        j++;
      } else {
        while (j < header.length() && header.charAt(j) != ';') {
          value.append(header.charAt(j++));
        }
      }
      String decoded = value.toString().trim().replace("%22", "\"");
      if (param.equals("name")) {
        name = decoded;
      } else if (param.equals("filename")) {
        filename = decoded;
      }
      int next = header.indexOf(';', j);
      i = next < 0 ? header.length() : next + 1;
    }
    if (name == null) {
      throw MultipartFormReader.malformed();
    }
    return new ContentDisposition(name, filename);
  }
}
