package io.coffer.concurrent;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * An attempt to do a piece of work on a thread that must never wait (an event loop), given up as
 * soon as the work would wait for anything but the CPU. Code that may wait (a metadata read the
 * cache cannot answer, a wait for request body bytes) calls {@link #mayBlock()} first: inside an
 * attempt that ends the attempt, and the caller does the work again from the start on a thread that
 * may wait. So only work whose effects all come after its last possible wait may be attempted.
 *
 * <p>Why: a small GET answered from memory costs less than the two thread hand-offs (event loop to
 * virtual thread and back) of answering it anywhere else.
 */
public final class NonBlocking {
  private static final ThreadLocal<Attempt> CURRENT = new ThreadLocal<>();
  private static final WouldBlock WOULD_BLOCK = new WouldBlock();

  private NonBlocking() {}

  /** Thrown out of an attempt where it would wait; never seen outside one. */
  public static final class WouldBlock extends RuntimeException {
    private WouldBlock() {
      super("the work would wait on a thread that must not", null, false, false);
    }
  }

  private static final class Attempt {
    boolean refused;
  }

  /**
   * Runs {@code work} as an attempt. Returns its result, or null if it would have waited: then
   * whatever it returned regardless (code in between may have caught the refusal) goes to {@code
   * discard}.
   */
  public static <T> @Nullable T attempt(Supplier<T> work, Consumer<T> discard) {
    if (CURRENT.get() != null) {
      throw new IllegalStateException("attempts do not nest");
    }
    Attempt attempt = new Attempt();
    CURRENT.set(attempt);
    T result;
    try {
      result = work.get();
    } catch (WouldBlock e) {
      return null;
    } finally {
      CURRENT.remove();
    }
    if (attempt.refused) {
      if (result != null) {
        discard.accept(result);
      }
      return null;
    }
    return result;
  }

  /** Called before anything that may wait: ends the attempt this thread is in, if any. */
  public static void mayBlock() {
    Attempt attempt = CURRENT.get();
    if (attempt != null) {
      attempt.refused = true;
      throw WOULD_BLOCK;
    }
  }

  /**
   * Whether this thread's attempt has been refused: work that records what it did (metrics, logs)
   * checks it first, because the work will be done again.
   */
  public static boolean refused() {
    Attempt attempt = CURRENT.get();
    return attempt != null && attempt.refused;
  }
}
