package io.coffer.s3.response;

import static io.coffer.s3.response.Golden.NS;
import static io.coffer.s3.response.Golden.document;
import static io.coffer.s3.response.Golden.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.model.CorsConfiguration;
import io.coffer.model.CorsRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorsXmlTest {
  @Test
  void corsConfiguration() {
    CorsConfiguration configuration =
        new CorsConfiguration(
            List.of(
                new CorsRule(
                    "up & down",
                    List.of("https://*.example.com", "http://a.org"),
                    List.of("GET", "PUT"),
                    List.of("x-amz-*", "Content-Type"),
                    List.of("ETag"),
                    3000),
                new CorsRule(null, List.of("*"), List.of("HEAD"), List.of(), List.of(), null)));
    assertThat(text(CorsXml.corsConfiguration(configuration)))
        .isEqualTo(
            document(
                "<CORSConfiguration" + NS + ">",
                "<CORSRule>",
                "<ID>up &amp; down</ID>",
                "<AllowedHeader>x-amz-*</AllowedHeader>",
                "<AllowedHeader>Content-Type</AllowedHeader>",
                "<AllowedMethod>GET</AllowedMethod>",
                "<AllowedMethod>PUT</AllowedMethod>",
                "<AllowedOrigin>https://*.example.com</AllowedOrigin>",
                "<AllowedOrigin>http://a.org</AllowedOrigin>",
                "<ExposeHeader>ETag</ExposeHeader>",
                "<MaxAgeSeconds>3000</MaxAgeSeconds>",
                "</CORSRule>",
                "<CORSRule>",
                "<AllowedMethod>HEAD</AllowedMethod>",
                "<AllowedOrigin>*</AllowedOrigin>",
                "</CORSRule>",
                "</CORSConfiguration>"));
  }
}
