package io.coffer.s3.auth;

import io.coffer.http.Headers;
import io.coffer.model.Credential;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Verifying the Authorization header of a PUT as an SDK signs it: the cost per request. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SigV4VerifyBenchmark {
  private static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
  private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  private static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");

  private SigV4Verifier verifier;
  private SignedRequest request;

  @Setup
  public void setUp() {
    Credential credential = new Credential(1, ACCESS_KEY, SECRET_KEY, "bench", true, NOW);
    verifier =
        new SigV4Verifier(
            "us-east-1", key -> Optional.of(credential), Clock.fixed(NOW, ZoneOffset.UTC));
    String host = "127.0.0.1:9000";
    String path = SigV4Signer.encodePath("/bucket/photos/2025/01/cat picture.jpg");
    Map<String, String> signedHeaders =
        Map.of(
            "content-type", "image/jpeg",
            "x-amz-meta-owner", "someone",
            "x-amz-checksum-crc32", "AAAAAA==");
    var signature =
        SigV4Signer.sign(
            "PUT",
            host,
            path,
            Map.of(),
            signedHeaders,
            "UNSIGNED-PAYLOAD",
            ACCESS_KEY,
            SECRET_KEY,
            "us-east-1",
            NOW);
    Map<String, String> headers = new HashMap<>(signedHeaders);
    headers.putAll(signature.headersToAdd());
    headers.put("host", host);
    headers.put("content-length", "4096");
    headers.put("user-agent", "aws-sdk-java/2.x");
    request = new SignedRequest("PUT", path, null, Headers.ofSingleValues(headers));
    verifier.verify(request); // fails loudly here rather than measuring an error path
  }

  @Benchmark
  public AuthResult verifyHeaderSignature() {
    return verifier.verify(request);
  }
}
