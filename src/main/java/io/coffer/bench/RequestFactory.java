package io.coffer.bench;

import io.coffer.s3.auth.SigV4Signer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds SigV4-signed requests with the project's own signer. Object bodies are sent as {@code
 * UNSIGNED-PAYLOAD} by default, as the AWS SDKs do over TLS, so neither side spends a SHA-256 pass
 * on the payload and the run measures storage, not hashing; {@code --signed-payload} sends the
 * payload's real SHA-256 instead (computed once per size, since every body is the same slice of the
 * one random buffer), which makes the server verify it.
 */
final class RequestFactory {
  static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
  private static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private final Endpoint endpoint;
  private final Payload payload;
  private final boolean signedPayload;

  RequestFactory(Endpoint endpoint, Payload payload, boolean signedPayload) {
    this.endpoint = endpoint;
    this.payload = payload;
    this.signedPayload = signedPayload;
  }

  /** A request without a body. */
  FullHttpRequest empty(
      HttpMethod method, String bucket, @Nullable String key, Map<String, String> query) {
    return withHeaders(method, bucket, key, query, Map.of());
  }

  /** A request without a body, with extra (signed) headers. */
  FullHttpRequest withHeaders(
      HttpMethod method,
      String bucket,
      @Nullable String key,
      Map<String, String> query,
      Map<String, String> headers) {
    return build(method, bucket, key, query, headers, Unpooled.EMPTY_BUFFER, EMPTY_SHA256);
  }

  /** A request whose body is the first {@code length} bytes of the payload. */
  FullHttpRequest withPayload(
      HttpMethod method,
      String bucket,
      String key,
      Map<String, String> query,
      Map<String, String> headers,
      long length) {
    String hash = signedPayload ? payload.sha256(length) : UNSIGNED_PAYLOAD;
    return build(method, bucket, key, query, headers, payload.body(length), hash);
  }

  /** A request with a small generated body (an XML document), always signed with its SHA-256. */
  FullHttpRequest withDocument(
      HttpMethod method,
      String bucket,
      @Nullable String key,
      Map<String, String> query,
      Map<String, String> headers,
      byte[] body) {
    return build(method, bucket, key, query, headers, Unpooled.wrappedBuffer(body), sha256(body));
  }

  private FullHttpRequest build(
      HttpMethod method,
      String bucket,
      @Nullable String key,
      Map<String, String> query,
      Map<String, String> headers,
      ByteBuf body,
      String payloadHash) {
    String path = "/" + bucket + (key == null ? "" : "/" + SigV4Signer.encodePath(key));
    SigV4Signer.HeaderSignature signature =
        SigV4Signer.sign(
            method.name(),
            endpoint.hostHeader(),
            path,
            query,
            headers,
            payloadHash,
            endpoint.accessKey(),
            endpoint.secretKey(),
            endpoint.region(),
            Instant.now());
    String uri = signature.rawQuery().isEmpty() ? path : path + '?' + signature.rawQuery();
    FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri, body);
    request.headers().set(HttpHeaderNames.HOST, endpoint.hostHeader());
    request.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
    headers.forEach(request.headers()::set);
    signature.headersToAdd().forEach(request.headers()::set);
    return request;
  }

  static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
