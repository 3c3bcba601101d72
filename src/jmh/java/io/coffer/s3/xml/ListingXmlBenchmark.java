package io.coffer.s3.xml;

import io.coffer.http.HttpDates;
import java.time.Instant;
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

/** A ListObjectsV2 page of 1000 keys, element for element as ListingHandler writes it. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ListingXmlBenchmark {
  private static final int KEYS = 1000;
  private final String[] keys = new String[KEYS];
  private final Instant modified = Instant.parse("2025-01-02T03:04:05.678Z");

  @Setup
  public void setUp() {
    for (int i = 0; i < KEYS; i++) {
      keys[i] = String.format("photos/2025/%02d/img & thumb %06d.jpg", i % 12, i);
    }
  }

  @Benchmark
  public byte[] thousandKeyListing() {
    XmlWriter xml = new XmlWriter();
    xml.start("ListBucketResult", "http://s3.amazonaws.com/doc/2006-03-01/");
    xml.element("Name", "bucket");
    xml.element("Prefix", "photos/");
    xml.element("MaxKeys", KEYS);
    xml.element("KeyCount", KEYS);
    xml.element("IsTruncated", "true");
    xml.element("NextContinuationToken", "cGhvdG9zLzIwMjUvMTEvaW1n");
    for (String key : keys) {
      xml.start("Contents");
      xml.element("Key", key);
      xml.element("LastModified", HttpDates.iso8601(modified));
      xml.element("ETag", "\"9b2cf535f27731c974343645a3985328\"");
      xml.element("Size", 4096);
      xml.element("StorageClass", "STANDARD");
      xml.end();
    }
    xml.end();
    return xml.toBytes();
  }
}
