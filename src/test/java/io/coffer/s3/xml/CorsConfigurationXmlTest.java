package io.coffer.s3.xml;

import static io.coffer.s3.xml.XmlTestSupport.assertMalformed;
import static io.coffer.s3.xml.XmlTestSupport.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.model.CorsConfiguration;
import io.coffer.model.CorsRule;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PutBucketCors' document: its shape is checked here, S3's limits by the service. */
class CorsConfigurationXmlTest {
  private final CorsConfigurationXml parser = new CorsConfigurationXml();

  @Test
  void rulesAreReadInOrderWithEveryMemberAsSent() {
    CorsConfiguration parsed =
        parser.parse(
            body(
                """
                <CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                  <CORSRule>
                    <ID>uploads</ID>
                    <AllowedOrigin>https://*.Example.com</AllowedOrigin>
                    <AllowedOrigin>http://test.com:80</AllowedOrigin>
                    <AllowedMethod>PUT</AllowedMethod>
                    <AllowedMethod>GET</AllowedMethod>
                    <AllowedHeader>x-AMZ-*</AllowedHeader>
                    <ExposeHeader>ETag</ExposeHeader>
                    <MaxAgeSeconds> 3000 </MaxAgeSeconds>
                  </CORSRule>
                  <CORSRule><AllowedMethod>GET</AllowedMethod><AllowedOrigin>*</AllowedOrigin></CORSRule>
                </CORSConfiguration>
                """));
    assertThat(parsed.rules())
        .containsExactly(
            new CorsRule(
                "uploads",
                List.of("https://*.Example.com", "http://test.com:80"),
                List.of("PUT", "GET"),
                List.of("x-AMZ-*"),
                List.of("ETag"),
                3000),
            new CorsRule(null, List.of("*"), List.of("GET"), List.of(), List.of(), null));
  }

  /** What S3 accepts for the service to judge: an empty origin, an empty (unsupported) method. */
  @Test
  void emptyValuesAreKeptForTheLimitsToJudge() {
    CorsConfiguration parsed =
        parser.parse(
            body(
                "<CORSConfiguration><CORSRule><AllowedOrigin></AllowedOrigin>"
                    + "<AllowedMethod/></CORSRule></CORSConfiguration>"));
    assertThat(parsed.rules().getFirst().allowedOrigins()).containsExactly("");
    assertThat(parsed.rules().getFirst().allowedMethods()).containsExactly("");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "<CORSConfiguration/>",
        "<CORSConfiguration></CORSConfiguration>",
        "<Other><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod>"
            + "</CORSRule></Other>",
        "<CORSConfiguration><CORSRule/></CORSConfiguration>",
        "<CORSConfiguration><CORSRule><AllowedMethod>GET</AllowedMethod></CORSRule>"
            + "</CORSConfiguration>",
        "<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin></CORSRule>"
            + "</CORSConfiguration>",
        "<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin>"
            + "<AllowedMethod>GET</AllowedMethod><MaxAgeSeconds>soon</MaxAgeSeconds></CORSRule>"
            + "</CORSConfiguration>",
        "<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin>"
            + "<AllowedMethod>GET</AllowedMethod><MaxAgeSeconds>1</MaxAgeSeconds>"
            + "<MaxAgeSeconds>2</MaxAgeSeconds></CORSRule></CORSConfiguration>",
        "<CORSConfiguration><CORSRule><ID>a</ID><ID>b</ID><AllowedOrigin>*</AllowedOrigin>"
            + "<AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>",
        "<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin>"
            + "<AllowedMethod>GET</AllowedMethod><Unknown>x</Unknown></CORSRule>"
            + "</CORSConfiguration>",
        "<CORSConfiguration><Rule><AllowedOrigin>*</AllowedOrigin>"
            + "<AllowedMethod>GET</AllowedMethod></Rule></CORSConfiguration>",
      })
  void anotherShapeIsMalformedXml(String xml) {
    assertMalformed(() -> parser.parse(body(xml)));
  }

  @Test
  void aDocumentOver64KibIsRefused() {
    String rule =
        "<CORSRule><AllowedOrigin>https://www.example.com</AllowedOrigin>"
            + "<AllowedMethod>GET</AllowedMethod></CORSRule>";
    String big =
        "<CORSConfiguration>"
            + rule.repeat(CorsConfigurationXml.MAX_BODY_BYTES / rule.length() + 1)
            + "</CORSConfiguration>";
    assertMalformed(() -> parser.parse(body(big)));
  }
}
