package io.coffer.config;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The secrets a server may be given in its environment: the admin S3 credential ({@code
 * COFFER_ACCESS_KEY} and {@code COFFER_SECRET_KEY}, or MinIO's {@code MINIO_ROOT_USER} and {@code
 * MINIO_ROOT_PASSWORD} when neither Coffer variable is set, so a MinIO compose file or Kubernetes
 * secret works unchanged) and the management API key ({@code COFFER_API_KEY}). Each is null when
 * not given; empty values count as not given.
 *
 * @param source the variable names the credential came from, for messages, or null
 */
public record EnvCredentials(
    @Nullable String accessKey,
    @Nullable String secretKey,
    @Nullable String apiKey,
    @Nullable String source) {

  /** Reads the variables; one half of a credential without the other is an error, not ignored. */
  public static EnvCredentials from(Map<String, String> env) {
    String apiKey = value(env, "COFFER_API_KEY");
    String[] coffer = pair(env, "COFFER_ACCESS_KEY", "COFFER_SECRET_KEY");
    if (coffer != null) {
      return new EnvCredentials(
          coffer[0], coffer[1], apiKey, "COFFER_ACCESS_KEY and COFFER_SECRET_KEY");
    }
    String[] minio = pair(env, "MINIO_ROOT_USER", "MINIO_ROOT_PASSWORD");
    if (minio != null) {
      return new EnvCredentials(
          minio[0], minio[1], apiKey, "MINIO_ROOT_USER and MINIO_ROOT_PASSWORD");
    }
    return new EnvCredentials(null, null, apiKey, null);
  }

  private static String @Nullable [] pair(
      Map<String, String> env, String accessName, String secretName) {
    String access = value(env, accessName);
    String secret = value(env, secretName);
    if (access == null && secret == null) {
      return null;
    }
    if (access == null || secret == null) {
      throw new IllegalArgumentException(
          (access == null
                  ? secretName + " is set but " + accessName
                  : accessName + " is set but " + secretName)
              + " is not: give both, or neither");
    }
    return new String[] {access, secret};
  }

  private static @Nullable String value(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value;
  }

  @Override
  public String toString() {
    return "EnvCredentials[accessKey=" + accessKey + ", source=" + source + "]";
  }
}
