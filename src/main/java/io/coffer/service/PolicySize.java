package io.coffer.service;

/**
 * The size AWS counts against a bucket policy's 20 KB limit: the document's bytes without the
 * whitespace between JSON tokens (a pretty-printed policy counts as its compact form).
 */
final class PolicySize {
  private PolicySize() {}

  static int of(String json) {
    int size = 0;
    boolean inString = false;
    boolean escaped = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        continue;
      }
      size += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }
    return size;
  }
}
