package io.coffer.it.support;

import io.coffer.s3.auth.PostFormSignature;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A browser form upload (POST Object) written by hand: the fields in order, a POST policy signed
 * with SigV4 or SigV2, and the file last, as a raw multipart/form-data body.
 */
public final class FormUpload {
  public static final String BOUNDARY = "----CofferFormBoundaryx7MA4YWxkTrZu0gW";
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Map<String, String> fields = new LinkedHashMap<>();
  private final List<String> after = new ArrayList<>();
  private String filename = "file.txt";

  /** A form with these fields, in this order. */
  public static FormUpload fields(String... namesAndValues) {
    FormUpload form = new FormUpload();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      form.fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return form;
  }

  public FormUpload field(String name, String value) {
    fields.put(name, value);
    return this;
  }

  public FormUpload filename(String filename) {
    this.filename = filename;
    return this;
  }

  /** A field sent after the file, which the server must ignore. */
  public FormUpload after(String name, String value) {
    after.add(name);
    after.add(value);
    return this;
  }

  /** The policy JSON, whose conditions are written as given: {@code "[...],{...}"}. */
  public static String policy(Instant expiration, String conditions) {
    String json = "{\"expiration\":\"" + expiration + "\",\"conditions\":[" + conditions + "]}";
    return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Signs with SigV4 as the test admin: adds x-amz-algorithm, -credential, -date (which the
   * conditions must name) before the policy and its signature.
   */
  public FormUpload signV4(String region, Instant now, String conditionsWithoutSigningFields) {
    return signV4(
        CofferTestServer.ACCESS_KEY,
        CofferTestServer.SECRET_KEY,
        region,
        now,
        conditionsWithoutSigningFields);
  }

  public FormUpload signV4(
      String accessKey, String secretKey, String region, Instant now, String conditions) {
    String date = AMZ_DATE.format(now);
    String credential = accessKey + "/" + date.substring(0, 8) + "/" + region + "/s3/aws4_request";
    String all =
        conditions
            + (conditions.isEmpty() ? "" : ",")
            + "{\"x-amz-algorithm\":\"AWS4-HMAC-SHA256\"},{\"x-amz-credential\":\""
            + credential
            + "\"},{\"x-amz-date\":\""
            + date
            + "\"}";
    String policy = policy(now.plusSeconds(600), all);
    fields.put("x-amz-algorithm", "AWS4-HMAC-SHA256");
    fields.put("x-amz-credential", credential);
    fields.put("x-amz-date", date);
    fields.put("policy", policy);
    fields.put(
        "x-amz-signature",
        PostFormSignature.signV4(secretKey, date.substring(0, 8), region, policy));
    return this;
  }

  /** Signs a given policy with SigV2 as the test admin. */
  public FormUpload signV2(String policy) {
    fields.put("AWSAccessKeyId", CofferTestServer.ACCESS_KEY);
    fields.put("policy", policy);
    fields.put("signature", PostFormSignature.signV2(CofferTestServer.SECRET_KEY, policy));
    return this;
  }

  /** The body before the file's bytes. */
  public byte[] head() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    fields.forEach((name, value) -> part(out, name, value));
    write(
        out,
        "--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + filename
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    return out.toByteArray();
  }

  /** The body after the file's bytes. */
  public byte[] tail() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, "\r\n");
    for (int i = 0; i < after.size(); i += 2) {
      part(out, after.get(i), after.get(i + 1));
    }
    write(out, "--" + BOUNDARY + "--\r\n");
    return out.toByteArray();
  }

  private static void part(ByteArrayOutputStream out, String name, String value) {
    write(
        out,
        "--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\""
            + name
            + "\"\r\n\r\n"
            + value
            + "\r\n");
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  public HttpResponse<String> post(URI endpoint, String bucket, byte[] file) throws Exception {
    return post(RawS3.HTTP, endpoint, bucket, file);
  }

  /** Posted with this client (one that trusts a test's own certificate authority, say). */
  public HttpResponse<String> post(HttpClient http, URI endpoint, String bucket, byte[] file)
      throws Exception {
    byte[] head = head();
    byte[] tail = tail();
    byte[] body = new byte[head.length + file.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(file, 0, body, head.length, file.length);
    System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
    return send(http, endpoint, bucket, HttpRequest.BodyPublishers.ofByteArray(body));
  }

  /** Posts a file read from a stream as it is sent (for files larger than the server's heap). */
  public HttpResponse<String> post(URI endpoint, String bucket, InputStream file, long size)
      throws Exception {
    byte[] head = head();
    byte[] tail = tail();
    HttpRequest.BodyPublisher body =
        HttpRequest.BodyPublishers.fromPublisher(
            HttpRequest.BodyPublishers.ofInputStream(
                () ->
                    new SequenceInputStream(
                        new SequenceInputStream(new ByteArrayInputStream(head), file),
                        new ByteArrayInputStream(tail))),
            head.length + size + tail.length);
    return send(RawS3.HTTP, endpoint, bucket, body);
  }

  private static HttpResponse<String> send(
      HttpClient http, URI endpoint, String bucket, HttpRequest.BodyPublisher body)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint.resolve("/" + bucket))
            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
            .POST(body)
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
