package io.coffer.s3.xml;

import static io.coffer.s3.xml.XmlTestSupport.assertMalformed;
import static io.coffer.s3.xml.XmlTestSupport.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DOCTYPE-based attacks against every parser: each must fail as MalformedXML without expanding an
 * entity, reading a file or making a network request. A local HTTP server counts fetch attempts.
 */
class XmlSecurityTest {
  private static final String SECRET = "top-secret-file-content";
  private static final AtomicInteger FETCHES = new AtomicInteger();
  private static HttpServer server;
  private static String baseUrl;

  @TempDir static Path dir;
  private static String secretUrl;

  @BeforeAll
  static void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          FETCHES.incrementAndGet();
          byte[] dtd = "<!ENTITY leak \"fetched\">".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, dtd.length);
          exchange.getResponseBody().write(dtd);
          exchange.close();
        });
    server.start();
    baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
    secretUrl = secret.toUri().toString();
  }

  @AfterAll
  static void stopServer() {
    server.stop(0);
  }

  /** Documents with the given root, each trying another DOCTYPE trick. */
  static List<String> attacks(String root, String inner) {
    return List.of(
        // billion laughs
        "<?xml version=\"1.0\"?><!DOCTYPE lolz ["
            + "<!ENTITY lol \"lol\">"
            + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
            + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
            + "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
            + "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
            + "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
            + "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
            + "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">"
            + "]>"
            + wrap(root, inner.replace("VALUE", "&lol9;")),
        // external entity from a file (/etc/passwd style)
        "<!DOCTYPE "
            + root
            + " [<!ENTITY xxe SYSTEM \""
            + secretUrl
            + "\">]>"
            + wrap(root, inner.replace("VALUE", "&xxe;")),
        "<!DOCTYPE "
            + root
            + " [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + wrap(root, inner.replace("VALUE", "&xxe;")),
        // external entity over the network
        "<!DOCTYPE "
            + root
            + " [<!ENTITY xxe SYSTEM \""
            + baseUrl
            + "entity\">]>"
            + wrap(root, inner.replace("VALUE", "&xxe;")),
        // external DTD subset
        "<!DOCTYPE "
            + root
            + " SYSTEM \""
            + baseUrl
            + "dtd\">"
            + wrap(root, inner.replace("VALUE", "&leak;")),
        // parameter entity fetching a DTD
        "<!DOCTYPE "
            + root
            + " [<!ENTITY % remote SYSTEM \""
            + baseUrl
            + "param\"> %remote;]>"
            + wrap(root, inner.replace("VALUE", "&leak;")),
        // harmless-looking DOCTYPE without references: still refused
        "<!DOCTYPE " + root + ">" + wrap(root, inner.replace("VALUE", "plain")),
        // undeclared entity without any DOCTYPE
        wrap(root, inner.replace("VALUE", "&undeclared;")));
  }

  private static String wrap(String root, String inner) {
    return "<" + root + ">" + inner + "</" + root + ">";
  }

  static Stream<Arguments> cases() {
    Consumer<String> complete = xml -> new CompleteMultipartUploadXml().parse(body(xml));
    Consumer<String> delete = xml -> new DeleteObjectsXml().parse(body(xml));
    Consumer<String> create = xml -> new CreateBucketConfigurationXml().parse(body(xml));
    Stream.Builder<Arguments> cases = Stream.builder();
    int i = 0;
    for (String xml :
        attacks(
            "CompleteMultipartUpload",
            "<Part><PartNumber>1</PartNumber><ETag>VALUE</ETag></Part>")) {
      cases.add(Arguments.of("complete#" + i++, complete, xml));
    }
    i = 0;
    for (String xml : attacks("Delete", "<Object><Key>VALUE</Key></Object>")) {
      cases.add(Arguments.of("delete#" + i++, delete, xml));
    }
    i = 0;
    for (String xml :
        attacks("CreateBucketConfiguration", "<LocationConstraint>VALUE</LocationConstraint>")) {
      cases.add(Arguments.of("create#" + i++, create, xml));
    }
    return cases.build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void doctypeAttacksAreMalformedAndFetchNothing(String name, Consumer<String> parser, String xml) {
    int before = FETCHES.get();
    long start = System.nanoTime();
    assertMalformed(() -> parser.accept(xml));
    assertThat(FETCHES.get()).as("network fetches").isEqualTo(before);
    assertThat((System.nanoTime() - start) / 1_000_000).as("millis").isLessThan(2_000);
  }
}
