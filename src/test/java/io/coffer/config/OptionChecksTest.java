package io.coffer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of the server's options, each refusal a sentence naming the option. */
class OptionChecksTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "us-east-1",
        "eu-central-1",
        "us-gov-west-1",
        "cn-northwest-1",
        "ap-southeast-5",
        "eusc-de-east-1",
        "us-isob-east-1",
        "il-central-1"
      })
  void awsRegionNamesAreAccepted(String region) {
    assertThat(OptionChecks.region(region)).isEqualTo(region);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mars-1",
        "us-east1",
        "US-EAST-1",
        "us_east_1",
        "us-east-1 ",
        "garage",
        "",
        "eu-central-1/",
        "us-east-123"
      })
  void aRegionThatIsNotAnAwsStyleNameIsRefused(String region) {
    assertThatThrownBy(() -> OptionChecks.region(region))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--region")
        .hasMessageContaining("'" + region + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"error", "warn", "info", "debug", "trace", "WARN", "Info"})
  void theFiveLogLevelsAreAcceptedInAnyCase(String level) {
    assertThat(OptionChecks.LOG_LEVELS).contains(OptionChecks.logLevel(level));
  }

  @ParameterizedTest
  @ValueSource(strings = {"verbose", "warning", "off", "all", "", "5"})
  void anUnknownLogLevelIsRefusedNotSilentlyWarn(String level) {
    assertThatThrownBy(() -> OptionChecks.logLevel(level))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--log-level must be one of error, warn, info, debug, trace");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "9000",
        "127.0.0.1",
        "127.0.0.1:",
        "127.0.0.1:90a",
        "127.0.0.1:65536",
        "nohost.invalid:9000"
      })
  void aMalformedAddressIsRefused(String address) {
    assertThatThrownBy(() -> OptionChecks.address("--address", address))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--address");
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1:9000", ":9000", "0.0.0.0:0", "[::1]:9000", "localhost:9000"})
  void wellFormedAddressesAreAccepted(String address) {
    assertThat(OptionChecks.address("--address", address).port()).isBetween(0, 65535);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://s3.example.com",
        "s3.example.com:9000",
        "s3.example.com/",
        "-s3.example.com",
        "s3..example.com",
        "s3 example"
      })
  void aDomainIsAHostNameOnly(String domain) {
    assertThatThrownBy(() -> OptionChecks.domain(domain)).hasMessageStartingWith("--domain");
    assertThat(OptionChecks.domain("s3.Example.com")).isEqualTo("s3.Example.com");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1})
  void countsAndTimeoutsMustBePositive(int value) {
    assertThatThrownBy(() -> OptionChecks.positive("--read-timeout", value))
        .hasMessage("--read-timeout must be greater than 0, not " + value);
    assertThat(OptionChecks.positive("--max-connections", 1)).isEqualTo(1);
    assertThatThrownBy(() -> OptionChecks.range("--max-header-size", 100, 1024, 1 << 20))
        .hasMessage("--max-header-size must be between 1024 and 1048576, not 100");
  }
}
