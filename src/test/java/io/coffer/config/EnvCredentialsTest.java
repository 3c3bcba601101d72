package io.coffer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the admin credential comes from: Coffer's variables, else MinIO's; never half of one. */
class EnvCredentialsTest {

  @Test
  void minioRootUserAndPasswordAreTheAdminCredentialWhenCofferVariablesAreAbsent() {
    EnvCredentials env =
        EnvCredentials.from(
            Map.of("MINIO_ROOT_USER", "minio-user", "MINIO_ROOT_PASSWORD", "minio-password"));
    assertThat(env.accessKey()).isEqualTo("minio-user");
    assertThat(env.secretKey()).isEqualTo("minio-password");
    assertThat(env.source()).isEqualTo("MINIO_ROOT_USER and MINIO_ROOT_PASSWORD");
  }

  @Test
  void cofferVariablesWinOverMinios() {
    EnvCredentials env =
        EnvCredentials.from(
            Map.of(
                "COFFER_ACCESS_KEY",
                "coffer-user",
                "COFFER_SECRET_KEY",
                "coffer-secret",
                "MINIO_ROOT_USER",
                "minio-user",
                "MINIO_ROOT_PASSWORD",
                "minio-password",
                "COFFER_API_KEY",
                "api-key"));
    assertThat(env.accessKey()).isEqualTo("coffer-user");
    assertThat(env.secretKey()).isEqualTo("coffer-secret");
    assertThat(env.apiKey()).isEqualTo("api-key");
  }

  @Test
  void nothingGivenMeansGenerated() {
    EnvCredentials env =
        EnvCredentials.from(Map.of("COFFER_ACCESS_KEY", " ", "MINIO_ROOT_PASSWORD", ""));
    assertThat(env.accessKey()).isNull();
    assertThat(env.secretKey()).isNull();
    assertThat(env.apiKey()).isNull();
  }

  @Test
  void halfACredentialIsAnErrorNotIgnored() {
    assertThatThrownBy(() -> EnvCredentials.from(Map.of("COFFER_ACCESS_KEY", "coffer-user")))
        .hasMessage("COFFER_ACCESS_KEY is set but COFFER_SECRET_KEY is not: give both, or neither");
    assertThatThrownBy(() -> EnvCredentials.from(Map.of("MINIO_ROOT_PASSWORD", "minio-password")))
        .hasMessage("MINIO_ROOT_PASSWORD is set but MINIO_ROOT_USER is not: give both, or neither");
    // A half Coffer pair is not completed from MinIO's variables either.
    assertThatThrownBy(
            () ->
                EnvCredentials.from(
                    Map.of(
                        "COFFER_SECRET_KEY",
                        "coffer-secret",
                        "MINIO_ROOT_USER",
                        "minio-user",
                        "MINIO_ROOT_PASSWORD",
                        "minio-password")))
        .hasMessageStartingWith("COFFER_SECRET_KEY is set");
  }

  @Test
  void secretsStayOutOfToString() {
    assertThat(
            EnvCredentials.from(
                    Map.of(
                        "COFFER_ACCESS_KEY",
                        "coffer-user",
                        "COFFER_SECRET_KEY",
                        "coffer-secret",
                        "COFFER_API_KEY",
                        "the-api-key"))
                .toString())
        .doesNotContain("coffer-secret", "the-api-key");
  }
}
