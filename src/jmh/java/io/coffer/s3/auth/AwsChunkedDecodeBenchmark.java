package io.coffer.s3.auth;

import io.coffer.http.Headers;
import io.coffer.model.Credential;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding a signed aws-chunked body (SHA-256 and HMAC per chunk) as the SDKs send it, plus the MD5
 * the server needs for the ETag: the CPU a streaming-signed PUT costs per MiB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AwsChunkedDecodeBenchmark {
  private static final int BODY = 1 << 20;

  @Param({"65536"})
  public int chunkSize;

  @Param({"false", "true"})
  public boolean withMd5;

  private byte[] encoded;
  private AuthResult auth;
  private Headers headers;
  private final byte[] buffer = new byte[64 * 1024];

  @Setup
  public void setUp() {
    byte[] data = new byte[BODY];
    new Random(1).nextBytes(data);
    StreamingContext context =
        new StreamingContext(
            SigningKeys.derive("secret", "20250102", "us-east-1", "s3"),
            "20250102/us-east-1/s3/aws4_request",
            "20250102T030405Z",
            "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9");
    encoded = AwsChunkedEncoder.encode(context, data, chunkSize, null);
    Credential credential = new Credential(1, "AK", "secret", "bench", true, Instant.EPOCH);
    auth = new AuthResult(credential, PayloadMode.STREAMING_SIGNED, null, false, Map.of(), context);
    headers =
        Headers.ofSingleValues(Map.of("x-amz-decoded-content-length", Integer.toString(BODY)));
  }

  /** Operations per second × 1 MiB = MiB/s of decoded payload. */
  @Benchmark
  public long decodeOneMiB() throws Exception {
    MessageDigest md5 = withMd5 ? MessageDigest.getInstance("MD5") : null;
    long total = 0;
    try (InputStream in =
        AwsChunkedInputStream.open(auth, new ByteArrayInputStream(encoded), headers)) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (md5 != null) {
          md5.update(buffer, 0, n);
        }
        total += n;
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    if (total != BODY) {
      throw new IllegalStateException("decoded " + total + " bytes");
    }
    return md5 == null ? total : md5.digest()[0];
  }
}
