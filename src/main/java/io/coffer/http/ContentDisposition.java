package io.coffer.http;

import java.nio.charset.StandardCharsets;

/** The Content-Disposition header of a download. */
public final class ContentDisposition {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private ContentDisposition() {}

  /**
   * attachment with this file name: a plain ASCII fallback for old clients and the exact UTF-8 name
   * in filename* (RFC 6266), percent-encoded but for the unreserved characters.
   */
  public static String attachment(String fileName) {
    StringBuilder ascii = new StringBuilder(fileName.length());
    fileName
        .codePoints()
        .forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
    StringBuilder encoded = new StringBuilder();
    for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
