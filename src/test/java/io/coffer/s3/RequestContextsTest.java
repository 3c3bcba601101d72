package io.coffer.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The connection's TLS version as s3:TlsVersion has it (RequestConditionsTest reads it). */
class RequestContextsTest {
  @Test
  void theJdksProtocolNamesBecomeAwsVersionNumbers() {
    assertThat(RequestContexts.tlsVersion("TLSv1.3")).isEqualTo("1.3");
    assertThat(RequestContexts.tlsVersion("TLSv1.2")).isEqualTo("1.2");
    assertThat(RequestContexts.tlsVersion(null)).isNull();
  }
}
