package io.coffer.checksum;

import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the MD5 of uploaded bodies (their ETags) is computed. With the Vector API module ({@code
 * --add-modules jdk.incubator.vector}, which the launchers pass) on a CPU with vectors of at least
 * 256 bits, streams that run while others are open share a {@link Md5Combiner}, which hashes their
 * blocks side by side in vector lanes; a stream that starts alone, and every stream without the
 * module or on a narrower CPU, uses the JDK's MD5, an intrinsic that is the fastest way to hash one
 * stream.
 */
public final class Md5Hashing {
  static final String VECTOR_MODULE = "jdk.incubator.vector";
  // Below this width a lane-wise step does too little work to beat the JDK's intrinsic.
  static final int MIN_VECTOR_BITS = 256;
  // Bodies at least this long may share lanes (and count as open streams).
  static final long SHARED_MIN_LENGTH = 1 << 20;

  private static final Logger log = LoggerFactory.getLogger(Md5Hashing.class);
  private static final Md5Hashing SHARED = detect();

  static {
    log.info("ETags of uploads: {}", SHARED.description);
  }

  private final @Nullable Md5Combiner combiner;
  private final String description;
  private final AtomicInteger open = new AtomicInteger();
  private final Runnable onClose = open::decrementAndGet;

  private Md5Hashing(@Nullable Md5Combiner combiner, String description) {
    this.combiner = combiner;
    this.description = description;
  }

  /** The process's hashing service (one combiner, so that all uploads can share lanes). */
  public static Md5Hashing shared() {
    return SHARED;
  }

  /** A service that always uses the JDK's MD5. */
  static Md5Hashing jdkOnly(String reason) {
    return new Md5Hashing(null, "JDK MD5 (" + reason + ")");
  }

  /** A service with lanes, whether or not they beat the JDK here (tests, benchmarks). */
  static Md5Hashing withLanes() {
    Md5Combiner combiner = new Md5Combiner(new Md5Lanes());
    return new Md5Hashing(
        combiner,
        "multi-buffer MD5 ("
            + combiner.lanes()
            + " lanes, "
            + Md5Lanes.vectorBits()
            + "-bit vectors)");
  }

  /** Lanes when the module is there and the CPU's vectors are wide enough, else the JDK's MD5. */
  static Md5Hashing detect() {
    if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
      return jdkOnly(VECTOR_MODULE + " not loaded");
    }
    int bits = Md5Lanes.vectorBits();
    if (bits < MIN_VECTOR_BITS) {
      return jdkOnly("vectors of " + bits + " bits");
    }
    return withLanes();
  }

  /**
   * Starts the MD5 of one stream; close it (or take its digest) when the stream ends.
   *
   * @param expectedLength the stream's length if known, else -1: a body shorter than {@link
   *     #SHARED_MIN_LENGTH} is hashed alone, since queueing its few blocks costs more than it saves
   */
  public Md5Digest start(long expectedLength) {
    if (combiner == null || (expectedLength >= 0 && expectedLength < SHARED_MIN_LENGTH)) {
      return new JdkMd5Digest(() -> {});
    }
    int others = open.getAndIncrement();
    if (others == 0) {
      return new JdkMd5Digest(onClose);
    }
    return new LaneMd5Digest(combiner, onClose);
  }

  /** Which MD5 this service computes, for the server's start-up log. */
  public String description() {
    return description;
  }

  /** Whether streams that overlap others are hashed in lanes. */
  public boolean usesLanes() {
    return combiner != null;
  }
}
