package io.coffer.s3.auth;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.http.Headers;
import io.coffer.model.CofferException;
import io.coffer.model.Credential;
import io.coffer.model.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The example credentials of the AWS documentation, and helpers shared by the tests. */
final class AuthFixtures {
  static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
  static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  static final String REGION = "us-east-1";
  static final Instant EXAMPLE_TIME = Instant.parse("2013-05-24T00:00:00Z");
  static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  static final Credential CREDENTIAL =
      new Credential(7, ACCESS_KEY, SECRET_KEY, "example", true, EXAMPLE_TIME);
  static final Credential INACTIVE =
      new Credential(8, "AKIDINACTIVE", SECRET_KEY, "gone", false, EXAMPLE_TIME);

  private AuthFixtures() {}

  static CredentialResolver resolver() {
    return accessKey ->
        switch (accessKey) {
          case ACCESS_KEY -> Optional.of(CREDENTIAL);
          case "AKIDINACTIVE" -> Optional.of(INACTIVE);
          default -> Optional.empty();
        };
  }

  static SigV4Verifier verifierAt(Instant now) {
    return new SigV4Verifier(REGION, resolver(), Clock.fixed(now, ZoneOffset.UTC));
  }

  static SigV4Verifier exampleVerifier() {
    return verifierAt(EXAMPLE_TIME);
  }

  /** Headers from name, value pairs; a name given twice gets two values. */
  static Headers headers(String... namesAndValues) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.computeIfAbsent(namesAndValues[i], n -> new java.util.ArrayList<>())
          .add(namesAndValues[i + 1]);
    }
    return Headers.of(map);
  }

  static AbstractThrowableAssert<?, ? extends Throwable> assertFails(
      ThrowingCallable call, ErrorCode code) {
    return assertThatThrownBy(call)
        .isInstanceOf(CofferException.class)
        .satisfies(
            e ->
                org.assertj.core.api.Assertions.assertThat(((CofferException) e).code())
                    .isEqualTo(code));
  }
}
