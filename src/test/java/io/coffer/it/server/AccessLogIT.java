package io.coffer.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.RawS3;
import io.coffer.s3.auth.AwsChunkedEncoder;
import io.coffer.s3.auth.SigV4Signer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * One access-log line per request through the "coffer.access" logger, with what an operator needs
 * and nothing an attacker wants. Requests are raw (not the SDK), so every log event captured is the
 * server's own.
 */
class AccessLogIT {
  @RegisterExtension static final CofferTestServer coffer = new CofferTestServer();
  static final Pattern LINE =
      Pattern.compile(
          "(\\S+) (\\S+) bucket=(\\S+) status=(\\d+) in=(\\d+) out=(\\d+) ms=(\\d+) id=(\\S+)");
  static final String WRONG_SECRET = "a-wrong-secret-that-must-not-be-logged";
  static final ListAppender<ILoggingEvent> events = new ListAppender<>();
  static final List<Appender<ILoggingEvent>> detached = new ArrayList<>();
  static Level rootLevel;
  static Level accessLevel;

  /** Everything at DEBUG goes to the list (and not to the console) while this class runs. */
  @BeforeAll
  static void captureEveryLogEvent() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger access = context.getLogger("coffer.access");
    rootLevel = root.getLevel();
    accessLevel = access.getLevel();
    for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
      detached.add(it.next());
    }
    detached.forEach(root::detachAppender);
    events.setContext(context);
    events.start();
    root.addAppender(events);
    root.setLevel(Level.DEBUG);
    access.setLevel(Level.INFO); // what --log-level info turns on
  }

  @AfterAll
  static void restoreLogging() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(events);
    detached.forEach(root::addAppender);
    root.setLevel(rootLevel);
    ((Logger) LoggerFactory.getLogger("coffer.access")).setLevel(accessLevel);
  }

  record Sent(
      String requestId,
      String operation,
      String bucket,
      int status,
      long in,
      long out,
      String signature) {}

  @Test
  void oneLinePerRequestWithItsFieldsAndNoSecrets() throws Exception {
    URI s3 = coffer.s3Uri();
    List<Sent> sent = new ArrayList<>();
    byte[] data = "x".repeat(1000).getBytes();
    sent.add(send(RawS3.request(s3, "PUT", "/logged"), new byte[0], "CreateBucket", "logged"));
    sent.add(send(RawS3.request(s3, "PUT", "/logged/obj"), data, "PutObject", "logged"));
    sent.add(send(RawS3.request(s3, "GET", "/logged/obj"), new byte[0], "GetObject", "logged"));
    sent.add(send(RawS3.request(s3, "HEAD", "/logged/obj"), new byte[0], "HeadObject", "logged"));
    sent.add(send(RawS3.request(s3, "GET", "/logged/missing"), new byte[0], "GetObject", "logged"));
    sent.add(send(RawS3.request(s3, "GET", "/"), new byte[0], "ListBuckets", "-"));
    sent.add(
        send(
            RawS3.request(s3, "PUT", "/logged/refused")
                .as(CofferTestServer.ACCESS_KEY, WRONG_SECRET),
            data,
            "PutObject",
            "logged"));
    sent.add(sendTamperedChunks(s3, data));
    String presigned = RawS3.presign(s3, "GET", "logged", "obj", Instant.now(), 60);
    HttpResponse<String> viaUrl = RawS3.sendUrl("GET", presigned, new byte[0]);
    String presignedSignature = presigned.substring(presigned.indexOf("X-Amz-Signature=") + 16);
    sent.add(
        new Sent(
            requestId(viaUrl),
            "GetObject",
            "logged",
            200,
            0,
            viaUrl.body().length(),
            presignedSignature));

    List<ILoggingEvent> access =
        events.list.stream().filter(e -> e.getLoggerName().equals("coffer.access")).toList();
    assertThat(access).hasSize(sent.size());
    for (Sent request : sent) {
      List<Matcher> lines =
          access.stream()
              .map(e -> LINE.matcher(e.getFormattedMessage()))
              .filter(m -> m.matches() && m.group(8).equals(request.requestId()))
              .toList();
      assertThat(lines).as("lines for %s", request).hasSize(1);
      Matcher line = lines.get(0);
      assertThat(line.group(1)).isEqualTo("127.0.0.1");
      assertThat(line.group(2)).as("operation").isEqualTo(request.operation());
      assertThat(line.group(3)).as("bucket").isEqualTo(request.bucket());
      assertThat(Integer.parseInt(line.group(4)))
          .as("status of %s", request)
          .isEqualTo(request.status());
      if (request.status() == 200) {
        assertThat(Long.parseLong(line.group(5)))
            .as("bytes in of %s", request)
            .isEqualTo(request.in());
      }
      assertThat(Long.parseLong(line.group(6)))
          .as("bytes out of %s", request)
          .isEqualTo(request.out());
    }

    for (ILoggingEvent event : events.list) {
      String text =
          event.getLoggerName()
              + " "
              + event.getFormattedMessage()
              + " "
              + event.getMDCPropertyMap()
              + (event.getThrowableProxy() == null
                  ? ""
                  : ThrowableProxyUtil.asString(event.getThrowableProxy()));
      assertThat(text)
          .as("log event of %s", event.getLoggerName())
          .doesNotContain(
              CofferTestServer.SECRET_KEY,
              WRONG_SECRET,
              "AWS4-HMAC-SHA256",
              "Signature=",
              "chunk-signature");
      for (Sent request : sent) {
        assertThat(text).doesNotContain(request.signature());
      }
    }
  }

  static Sent send(RawS3 request, byte[] body, String operation, String bucket) throws Exception {
    SigV4Signer.HeaderSignature signature = request.sign(body);
    HttpResponse<String> response = request.send(signature, body);
    return new Sent(
        requestId(response),
        operation,
        bucket,
        response.statusCode(),
        body.length,
        response.body().length(),
        signature.signature());
  }

  /** An aws-chunked upload whose third chunk signature is wrong: the server knows the right one. */
  static Sent sendTamperedChunks(URI s3, byte[] data) throws Exception {
    RawS3 request =
        RawS3.request(s3, "PUT", "/logged/chunked")
            .payloadHash("STREAMING-AWS4-HMAC-SHA256-PAYLOAD")
            .header("Content-Encoding", "aws-chunked")
            .header("x-amz-decoded-content-length", Integer.toString(data.length));
    SigV4Signer.HeaderSignature signature = request.sign(new byte[0]);
    byte[] body = AwsChunkedEncoder.encode(signature.streaming(), data, 300, null);
    String text = new String(body, java.nio.charset.StandardCharsets.ISO_8859_1);
    int at = text.indexOf(";chunk-signature=", text.indexOf(";chunk-signature=", 20) + 20) + 17;
    String good = text.substring(at, at + 64);
    body[at] = (byte) (body[at] == 'a' ? 'b' : 'a');
    HttpResponse<String> response = request.send(signature, body);
    assertThat(response.statusCode()).isEqualTo(403);
    return new Sent(
        requestId(response),
        "PutObject",
        "logged",
        403,
        body.length,
        response.body().length(),
        good);
  }

  static String requestId(HttpResponse<String> response) {
    return response.headers().firstValue("x-amz-request-id").orElseThrow();
  }
}
