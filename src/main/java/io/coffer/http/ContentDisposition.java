package io.coffer.http;

/** The Content-Disposition header of a download. */
public final class ContentDisposition {
  private ContentDisposition() {}

  /**
   * attachment with this file name: a plain ASCII fallback for old clients and the exact UTF-8 name
   * in filename* (RFC 6266), percent-encoded but for the unreserved characters.
   */
  public static String attachment(String fileName) {
    return "attachment; " + fileNames(fileName);
  }

  /** inline (shown by the browser, e.g. in a preview) with the same file names as a download. */
  public static String inline(String fileName) {
    return "inline; " + fileNames(fileName);
  }

  private static String fileNames(String fileName) {
    StringBuilder ascii = new StringBuilder(fileName.length());
    fileName
        .codePoints()
        .forEach(
            c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
    return "filename=\"" + ascii + "\"; filename*=UTF-8''" + UriCodec.encodePath(fileName);
  }
}
