package io.coffer.it.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.admin.Api;
import io.coffer.it.support.CofferTestServer;
import io.coffer.model.Credential;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/** Credentials, policies and groups made through the management API, and clients for them. */
final class Identities {
  private final CofferTestServer coffer;
  private final Api api;

  Identities(CofferTestServer coffer) {
    this.coffer = coffer;
    this.api = new Api(coffer);
  }

  Credential credential(String userName) {
    return coffer.server().credentials().create(userName, null, null);
  }

  S3Client client(Credential credential) {
    return coffer.client(credential.accessKey(), credential.secretKey());
  }

  /** An S3 client that signs nothing, as the AWS SDK sends for anonymous credentials. */
  S3Client anonymous() {
    return S3Client.builder()
        .endpointOverride(coffer.s3Uri())
        .region(Region.US_EAST_1)
        .credentialsProvider(AnonymousCredentialsProvider.create())
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .build();
  }

  /** An unsigned request, as a browser or curl sends it. */
  HttpResponse<String> unsigned(String method, String rawPath) throws Exception {
    URI uri = coffer.s3Uri();
    return io.coffer.it.support.RawS3.sendUrl(method, uri + rawPath, new byte[0]);
  }

  void policy(String name, String document) {
    Api.Reply reply =
        api.send(
            "POST", "/policies", "{\"name\": \"" + name + "\", \"document\": " + document + "}");
    assertThat(reply.status()).as(reply.http().body()).isBetween(200, 201);
  }

  void attach(Credential credential, String... policies) {
    Api.Reply reply =
        api.send(
            "PUT",
            "/credentials/" + credential.id() + "/policies",
            "{\"policies\": " + names(List.of(policies)) + "}");
    assertThat(reply.status()).as(reply.http().body()).isEqualTo(200);
  }

  void group(String name, List<Credential> members, String... policies) {
    String ids = members.stream().map(c -> Long.toString(c.id())).collect(Collectors.joining(", "));
    Api.Reply reply =
        api.send(
            "POST",
            "/groups",
            "{\"name\": \""
                + name
                + "\", \"members\": ["
                + ids
                + "], \"policies\": "
                + names(Arrays.asList(policies))
                + "}");
    assertThat(reply.status()).as(reply.http().body()).isBetween(200, 201);
  }

  Api api() {
    return api;
  }

  private static String names(List<String> names) {
    return names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", ", "[", "]"));
  }
}
