package io.coffer.s3.xml;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A streaming writer of S3 response documents, encoding straight to UTF-8 bytes without building
 * Strings or a tree. It writes into its own growable buffer, which either becomes the response
 * ({@link #toBytes()}) or, when constructed with an {@link OutputStream}, is flushed to that stream
 * whenever it fills, so a listing of any size needs only a bounded buffer.
 *
 * <p>Text escaping: {@code & < > " '} become entity references. Characters XML 1.0 does not allow
 * (C0 controls other than tab and newline, U+FFFE, U+FFFF, unpaired surrogates) become numeric
 * references such as {@code &#x1;}, as S3 itself emits them: strictly such a reference is still not
 * well-formed XML 1.0, but keys may contain these characters and the SDKs' parsers accept the
 * references, while dropping or replacing the characters would make keys unaddressable. Carriage
 * return is written as {@code &#xD;} too, because a literal one would reach the client as a line
 * feed after XML end-of-line normalisation.
 *
 * <p>Element names must be ASCII XML names (all S3 names are); they are checked, not escaped.
 * Stream failures are rethrown as {@link UncheckedIOException}. Not thread-safe; reusable after
 * {@link #reset()}.
 */
public final class XmlWriter {
  private static final byte[] DECLARATION =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] XMLNS = " xmlns=\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] LONG_MIN =
      Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

  /** The most bytes one UTF-16 char can become: "&#xFFFF;". */
  private static final int MAX_BYTES_PER_CHAR = 8;

  /** Text is encoded in slices of this many chars, so capacity is checked once per slice. */
  private static final int SLICE = 1024;

  private static final int INITIAL_CAPACITY = 8192;

  /** In streaming mode, the buffer is handed to the stream once it holds this much. */
  private static final int FLUSH_THRESHOLD = 32 * 1024;

  /** ASCII characters written as they are in text. */
  private static final boolean[] PLAIN_TEXT = new boolean[128];

  /** ASCII characters allowed in element names. */
  private static final boolean[] NAME_CHAR = new boolean[128];

  static {
    for (int c = 0x20; c < 0x80; c++) {
      PLAIN_TEXT[c] = c != '&' && c != '<' && c != '>' && c != '"' && c != '\'';
    }
    PLAIN_TEXT['\t'] = true;
    PLAIN_TEXT['\n'] = true;
    for (int c = 0; c < 0x80; c++) {
      NAME_CHAR[c] =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.'
              || c == ':';
    }
  }

  private final @Nullable OutputStream out;
  private byte[] buf = new byte[INITIAL_CAPACITY];
  private int pos;
  private String[] open = new String[16];
  private int depth;
  private boolean rootStarted;

  /** A writer that collects the document in memory, for {@link #toBytes()}. */
  public XmlWriter() {
    this.out = null;
    writeDeclaration();
  }

  /** A writer that streams the document to {@code out}; {@link #finish()} flushes the rest. */
  public XmlWriter(OutputStream out) {
    this.out = Objects.requireNonNull(out, "out");
    writeDeclaration();
  }

  /** Opens an element. The first one is the root; there can be only one. */
  public XmlWriter start(String name) {
    return start(name, null);
  }

  /** Opens an element declaring a default namespace, e.g. the root with {@link S3Xml#NAMESPACE}. */
  public XmlWriter start(String name, @Nullable String namespace) {
    if (depth == 0 && rootStarted) {
      throw new IllegalStateException("the document already has a root element");
    }
    checkName(name);
    rootStarted = true;
    if (depth == open.length) {
      open = Arrays.copyOf(open, depth * 2);
    }
    open[depth++] = name;
    ensure(name.length() + 2);
    buf[pos++] = '<';
    writeName(name);
    if (namespace != null) {
      ensure(XMLNS.length);
      System.arraycopy(XMLNS, 0, buf, pos, XMLNS.length);
      pos += XMLNS.length;
      writeText(namespace);
      ensure(1);
      buf[pos++] = '"';
    }
    ensure(1);
    buf[pos++] = '>';
    return this;
  }

  /**
   * Opens an element with attributes, given as name and value pairs: {@code start("Grantee",
   * "xmlns:xsi", XSI, "xsi:type", "Group")}. Values are escaped as text is.
   */
  public XmlWriter startWithAttributes(String name, String... attributes) {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name and value pairs");
    }
    start(name);
    pos--; // reopen the start tag: drop its '>'
    for (int i = 0; i < attributes.length; i += 2) {
      checkName(attributes[i]);
      ensure(attributes[i].length() + 3);
      buf[pos++] = ' ';
      writeName(attributes[i]);
      buf[pos++] = '=';
      buf[pos++] = '"';
      writeText(attributes[i + 1]);
      ensure(1);
      buf[pos++] = '"';
    }
    ensure(1);
    buf[pos++] = '>';
    return this;
  }

  /** Writes {@code <name>text</name>}; nothing at all when text is null (an absent field). */
  public XmlWriter element(String name, @Nullable String text) {
    if (text == null) {
      return this;
    }
    openTag(name);
    writeText(text);
    closeTag(name);
    return this;
  }

  /**
   * Text inside the element opened last (for roots that hold only text, like LocationConstraint).
   */
  public XmlWriter text(String text) {
    writeText(text);
    maybeFlush();
    return this;
  }

  public XmlWriter element(String name, long value) {
    openTag(name);
    writeLong(value);
    closeTag(name);
    return this;
  }

  /** Writes {@code <name>true</name>} or {@code <name>false</name>}, as S3 spells booleans. */
  public XmlWriter element(String name, boolean value) {
    openTag(name);
    writeAscii(value ? "true" : "false");
    closeTag(name);
    return this;
  }

  /** Closes the innermost open element. */
  public XmlWriter end() {
    if (depth == 0) {
      throw new IllegalStateException("no open element");
    }
    String name = open[--depth];
    open[depth] = null;
    ensure(name.length() + 3);
    buf[pos++] = '<';
    buf[pos++] = '/';
    writeName(name);
    buf[pos++] = '>';
    maybeFlush();
    return this;
  }

  /** The complete document (in-memory mode only). */
  public byte[] toBytes() {
    requireInMemory();
    requireComplete();
    return Arrays.copyOf(buf, pos);
  }

  /** Writes the complete document to a stream without copying it first (in-memory mode only). */
  public void writeTo(OutputStream target) throws IOException {
    requireInMemory();
    requireComplete();
    target.write(buf, 0, pos);
  }

  /** Bytes written so far and not yet flushed to the stream. */
  public int size() {
    return pos;
  }

  /**
   * Checks that every element is closed and, in streaming mode, writes the rest of the document to
   * the stream and flushes it.
   */
  public void finish() {
    requireComplete();
    if (out != null) {
      drain();
      try {
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Starts a new document in the same buffer (which keeps its grown capacity). */
  public XmlWriter reset() {
    pos = 0;
    Arrays.fill(open, 0, depth, null);
    depth = 0;
    rootStarted = false;
    writeDeclaration();
    return this;
  }

  private void writeDeclaration() {
    ensure(DECLARATION.length);
    System.arraycopy(DECLARATION, 0, buf, pos, DECLARATION.length);
    pos += DECLARATION.length;
  }

  private void openTag(String name) {
    if (depth == 0) {
      throw new IllegalStateException("elements go inside the root element");
    }
    checkName(name);
    ensure(name.length() + 2);
    buf[pos++] = '<';
    writeName(name);
    buf[pos++] = '>';
  }

  private void closeTag(String name) {
    ensure(name.length() + 3);
    buf[pos++] = '<';
    buf[pos++] = '/';
    writeName(name);
    buf[pos++] = '>';
    maybeFlush();
  }

  /** Copies a checked name; the caller has ensured room for it. */
  private void writeName(String name) {
    for (int i = 0, n = name.length(); i < n; i++) {
      buf[pos++] = (byte) name.charAt(i);
    }
  }

  private void writeAscii(String s) {
    ensure(s.length());
    writeName(s);
  }

  private static void checkName(String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty element name");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 0x80 || !NAME_CHAR[c]) {
        throw new IllegalArgumentException("not an ASCII XML name: " + name);
      }
    }
    char first = name.charAt(0);
    if ((first >= '0' && first <= '9') || first == '-' || first == '.') {
      throw new IllegalArgumentException("not an XML name: " + name);
    }
  }

  private void writeText(String s) {
    int n = s.length();
    int start = 0;
    while (start < n) {
      int end = Math.min(n, start + SLICE);
      if (end < n && Character.isHighSurrogate(s.charAt(end - 1))) {
        end--; // the next slice starts with it, so a pair is never split
      }
      ensure(MAX_BYTES_PER_CHAR * (end - start));
      pos = encode(s, start, end, buf, pos);
      start = end;
    }
  }

  /** Escapes and UTF-8-encodes s[start, end) into b at p, which has room; returns the new p. */
  private static int encode(String s, int start, int end, byte[] b, int p) {
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (PLAIN_TEXT[c]) {
          b[p++] = (byte) c;
        } else {
          p = escapeAscii(c, b, p);
        }
      } else if (c < 0x800) {
        b[p++] = (byte) (0xC0 | (c >> 6));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        char next = i + 1 < end ? s.charAt(i + 1) : 0;
        if (Character.isHighSurrogate(c) && Character.isLowSurrogate(next)) {
          int cp = Character.toCodePoint(c, next);
          b[p++] = (byte) (0xF0 | (cp >> 18));
          b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
          b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          b[p++] = (byte) (0x80 | (cp & 0x3F));
          i++;
        } else {
          p = charRef(c, b, p); // unpaired: not encodable in UTF-8
        }
      } else if (c >= 0xFFFE) {
        p = charRef(c, b, p); // noncharacters outside XML's Char production
      } else {
        b[p++] = (byte) (0xE0 | (c >> 12));
        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    return p;
  }

  private static int escapeAscii(char c, byte[] b, int p) {
    String entity =
        switch (c) {
          case '&' -> "&amp;";
          case '<' -> "&lt;";
          case '>' -> "&gt;";
          case '"' -> "&quot;";
          case '\'' -> "&apos;";
          default -> null;
        };
    if (entity == null) {
      return charRef(c, b, p);
    }
    for (int i = 0; i < entity.length(); i++) {
      b[p++] = (byte) entity.charAt(i);
    }
    return p;
  }

  /** Writes &#xH; with upper-case hex digits and no leading zeros. */
  private static int charRef(char c, byte[] b, int p) {
    b[p++] = '&';
    b[p++] = '#';
    b[p++] = 'x';
    int shift = 12;
    while (shift > 0 && (c >> shift) == 0) {
      shift -= 4;
    }
    for (; shift >= 0; shift -= 4) {
      b[p++] = HEX[(c >> shift) & 0xF];
    }
    b[p++] = ';';
    return p;
  }

  private void writeLong(long value) {
    if (value == Long.MIN_VALUE) {
      ensure(LONG_MIN.length);
      System.arraycopy(LONG_MIN, 0, buf, pos, LONG_MIN.length);
      pos += LONG_MIN.length;
      return;
    }
    ensure(20);
    if (value < 0) {
      buf[pos++] = '-';
      value = -value;
    }
    int digits = 1;
    for (long rest = value / 10; rest != 0; rest /= 10) {
      digits++;
    }
    for (int i = pos + digits - 1; i >= pos; i--) {
      buf[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    pos += digits;
  }

  /** Makes room for {@code extra} more bytes, flushing to the stream first when there is one. */
  private void ensure(int extra) {
    if (buf.length - pos >= extra) {
      return;
    }
    if (out != null) {
      drain();
      if (buf.length >= extra) {
        return;
      }
    }
    long wanted = Math.max((long) pos + extra, 2L * buf.length);
    if (wanted > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("XML document too large for one buffer");
    }
    buf = Arrays.copyOf(buf, (int) wanted);
  }

  private void maybeFlush() {
    if (out != null && pos >= FLUSH_THRESHOLD) {
      drain();
    }
  }

  private void drain() {
    if (pos == 0) {
      return;
    }
    try {
      Objects.requireNonNull(out).write(buf, 0, pos);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    pos = 0;
  }

  private void requireInMemory() {
    if (out != null) {
      throw new IllegalStateException("this writer streams to an OutputStream; use finish()");
    }
  }

  private void requireComplete() {
    if (!rootStarted || depth != 0) {
      throw new IllegalStateException("the document is incomplete");
    }
  }
}
