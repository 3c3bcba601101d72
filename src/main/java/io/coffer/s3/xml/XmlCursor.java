package io.coffer.s3.xml;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * A forward-only walk over a request document with a hardened StAX parser, offering just what the
 * S3 request schemas need: enter the root, iterate child elements, read text-only elements, skip
 * unknown ones. Anything else (stray text, nested markup in a text element, DTDs, entity
 * references) is MalformedXML.
 *
 * <p>Elements match by local name when they are in the S3 namespace or in no namespace; clients
 * send both forms.
 */
final class XmlCursor {

  /** Reads the content of the root element; must leave the cursor on the root's end tag. */
  @FunctionalInterface
  interface RootReader<T> {
    T read(XmlCursor cursor) throws XMLStreamException;
  }

  private final XMLStreamReader reader;

  private XmlCursor(XMLStreamReader reader) {
    this.reader = reader;
  }

  /**
   * Parses a complete document whose root element is {@code rootName}.
   *
   * @throws CofferException MALFORMED_XML for any input that is not such a document
   */
  static <T> T parse(byte[] body, String rootName, RootReader<T> rootReader) {
    XMLStreamReader reader = null;
    try {
      reader = newFactory().createXMLStreamReader(new StringReader(decodeUtf8(body)));
      XmlCursor cursor = new XmlCursor(reader);
      cursor.enterRoot(rootName);
      T result = rootReader.read(cursor);
      cursor.finishDocument();
      return result;
    } catch (XMLStreamException e) {
      throw malformed(e);
    } catch (CofferException e) {
      throw e;
    } catch (RuntimeException e) {
      // The JDK parser is not documented to fail only with XMLStreamException on hostile input;
      // whatever it throws, the cause is the document.
      throw malformed(e);
    } finally {
      close(reader);
    }
  }

  /**
   * Decodes the body as strict UTF-8 (what S3 clients send) so that the parser only ever sees
   * characters: the JDK parser's own decoder prints "[Fatal Error]" lines to stderr for invalid
   * byte sequences, which hostile clients could use to flood the log. An encoding declaration in
   * the document is then ignored. A leading byte order mark is dropped.
   */
  private static String decodeUtf8(byte[] body) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
    } catch (CharacterCodingException e) {
      throw malformed(e);
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * A fresh factory per document: XMLInputFactory is not specified to be thread-safe, these
   * requests are rare, and the JDK factory is cheap to create. newDefaultFactory() pins the JDK's
   * own implementation, whatever StAX provider the class path brings, so that the settings below
   * are known to be honoured.
   */
  private static XMLInputFactory newFactory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    // Belt and braces: nothing may ever be fetched on a document's behalf.
    factory.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external resources are not allowed");
        });
    return factory;
  }

  static CofferException malformed() {
    return new CofferException(ErrorCode.MALFORMED_XML, ErrorCode.MALFORMED_XML.defaultMessage());
  }

  static CofferException malformed(Throwable cause) {
    return new CofferException(
        ErrorCode.MALFORMED_XML, ErrorCode.MALFORMED_XML.defaultMessage(), cause);
  }

  /** A repeated element is ambiguous, so it is refused rather than resolved either way. */
  static <T> T once(@Nullable T previous, T value) {
    if (previous != null) {
      throw malformed();
    }
    return value;
  }

  /** Whether the current start tag is {@code localName} in the S3 namespace or none. */
  boolean at(String localName) {
    if (!reader.getLocalName().equals(localName)) {
      return false;
    }
    String ns = reader.getNamespaceURI();
    return ns == null || ns.isEmpty() || ns.equals(S3Xml.NAMESPACE);
  }

  /** An attribute of the current start tag, or null; e.g. xsi:type of a Grantee. */
  @Nullable String attribute(String namespace, String localName) {
    return reader.getAttributeValue(namespace, localName);
  }

  /**
   * Moves to the next child element of the element whose start tag (or previous child's end tag)
   * the cursor is on.
   *
   * @return true on the child's start tag; false on the parent's end tag
   */
  boolean nextChild() throws XMLStreamException {
    while (true) {
      switch (reader.next()) {
        case XMLStreamConstants.START_ELEMENT:
          return true;
        case XMLStreamConstants.END_ELEMENT:
          return false;
        case XMLStreamConstants.CHARACTERS:
        case XMLStreamConstants.CDATA:
        case XMLStreamConstants.SPACE:
          if (!isXmlWhitespace(reader.getText())) {
            throw malformed(); // text mixed in among elements
          }
          break;
        case XMLStreamConstants.COMMENT:
        case XMLStreamConstants.PROCESSING_INSTRUCTION:
          break;
        default:
          throw malformed(); // entity references, DTDs, premature end
      }
    }
  }

  /**
   * The verbatim text content of the current element (character references and CDATA resolved,
   * comments dropped); the cursor ends on its end tag. Child elements are MalformedXML.
   */
  String text() throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    while (true) {
      switch (reader.next()) {
        case XMLStreamConstants.CHARACTERS:
        case XMLStreamConstants.CDATA:
        case XMLStreamConstants.SPACE:
          text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
          break;
        case XMLStreamConstants.COMMENT:
        case XMLStreamConstants.PROCESSING_INSTRUCTION:
          break;
        case XMLStreamConstants.END_ELEMENT:
          return text.toString();
        default:
          throw malformed();
      }
    }
  }

  /**
   * The text content without leading and trailing XML whitespace, for values of token-like types
   * (numbers, booleans, ETags, checksums, region names) that pretty-printed documents may pad.
   */
  String token() throws XMLStreamException {
    return stripXmlWhitespace(text());
  }

  /** Skips the current element and everything in it; the cursor ends on its end tag. */
  void skip() throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      switch (reader.next()) {
        case XMLStreamConstants.START_ELEMENT -> depth++;
        case XMLStreamConstants.END_ELEMENT -> depth--;
        case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.DTD -> throw malformed();
        default -> {}
      }
    }
  }

  private void enterRoot(String rootName) throws XMLStreamException {
    while (true) {
      switch (reader.next()) {
        case XMLStreamConstants.START_ELEMENT:
          if (!at(rootName)) {
            throw malformed();
          }
          return;
        case XMLStreamConstants.COMMENT:
        case XMLStreamConstants.PROCESSING_INSTRUCTION:
        case XMLStreamConstants.SPACE:
          break;
        case XMLStreamConstants.CHARACTERS:
          if (!isXmlWhitespace(reader.getText())) {
            throw malformed();
          }
          break;
        default:
          // A DTD above all: rejected before any of its declarations could be used.
          throw malformed();
      }
    }
  }

  /** Reads past the root's end tag; the parser itself rejects anything but misc. markup there. */
  private void finishDocument() throws XMLStreamException {
    while (reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.END_DOCUMENT) {
        return;
      }
      if (event != XMLStreamConstants.COMMENT
          && event != XMLStreamConstants.PROCESSING_INSTRUCTION
          && event != XMLStreamConstants.SPACE
          && !(event == XMLStreamConstants.CHARACTERS && isXmlWhitespace(reader.getText()))) {
        throw malformed();
      }
    }
  }

  private static boolean isXmlWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private static boolean isXmlWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isXmlWhitespace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static String stripXmlWhitespace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isXmlWhitespace(s.charAt(start))) {
      start++;
    }
    while (end > start && isXmlWhitespace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static void close(@Nullable XMLStreamReader reader) {
    if (reader == null) {
      return;
    }
    try {
      reader.close();
    } catch (XMLStreamException e) {
      // Nothing to release beyond the in-memory body.
    }
  }
}
