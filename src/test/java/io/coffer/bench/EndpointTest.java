package io.coffer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EndpointTest {
  @Test
  void httpsEndpointsSpeakTlsOnPort443ByDefault() {
    Endpoint endpoint = Endpoint.parse("https://s3.example.test", "ak", "sk", "us-east-1");
    assertThat(endpoint.secure()).isTrue();
    assertThat(endpoint.port()).isEqualTo(443);
    assertThat(endpoint.hostHeader()).isEqualTo("s3.example.test");
    assertThat(endpoint).hasToString("https://s3.example.test");
  }

  @Test
  void httpEndpointsStayPlainAndKeepTheirPortInTheHostHeader() {
    Endpoint endpoint = Endpoint.parse("http://127.0.0.1:9000", "ak", "sk", "us-east-1");
    assertThat(endpoint.secure()).isFalse();
    assertThat(endpoint.port()).isEqualTo(9000);
    assertThat(endpoint.hostHeader()).isEqualTo("127.0.0.1:9000");
    assertThat(endpoint.toString()).isEqualTo("http://127.0.0.1:9000").doesNotContain("sk");
  }

  @Test
  void otherSchemesAreRefused() {
    assertThatThrownBy(() -> Endpoint.parse("ftp://127.0.0.1", "ak", "sk", "us-east-1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
