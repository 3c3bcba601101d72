package io.coffer.checksum;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Hashes the whole blocks of concurrent MD5 streams together, one stream per vector lane, by flat
 * combining: a stream with blocks to hash queues them and, if no other thread is hashing, becomes
 * the combiner and hashes every queued stream's blocks in lanes of {@link Md5Lanes} until its own
 * are done; otherwise it parks until the combiner has done them. Nobody waits for blocks that have
 * not arrived: whatever is queued is hashed at once, alone (in plain Java) when it is the only
 * work, and a stream arriving later takes a free lane at the next look at the queue (every {@link
 * #CHUNK} blocks). A combiner whose own blocks are done hands the remaining lanes to one of their
 * owners (at once when only one lane is left, after {@link #EXTRA_BLOCKS} otherwise), so no request
 * does much of the others' hashing.
 */
final class Md5Combiner {
  // Blocks per lane between two looks at the queue: 4 KiB, a few microseconds.
  private static final int CHUNK = 64;
  // How many blocks per lane a combiner hashes for others after its own are done: 64 KiB.
  private static final int EXTRA_BLOCKS = 1024;

  /** One update's whole blocks; fields other than done belong to the lock's holder once queued. */
  private static final class Job {
    final int[] state;
    final Thread owner;
    final byte[] buf;
    int pos;
    final int end;
    volatile boolean done;

    Job(int[] state, byte[] buf, int pos, int end) {
      this.state = state;
      this.owner = Thread.currentThread();
      this.buf = buf;
      this.pos = pos;
      this.end = end;
    }

    int blocksLeft() {
      return (end - pos) / Md5Block.SIZE;
    }
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final ConcurrentLinkedQueue<Job> queue = new ConcurrentLinkedQueue<>();
  private final Md5Lanes lanes;
  // Guarded by lock: the job in each lane, and the buffers and offsets passed to the kernel.
  private final Job[] inLane;
  private final byte[][] bufs;
  private final int[] offs;
  // Blocks hashed in vector passes (one per lane that had work): what the lanes saved, for tests.
  private long laneBlocks;

  Md5Combiner(Md5Lanes lanes) {
    this.lanes = lanes;
    this.inLane = new Job[lanes.lanes()];
    this.bufs = new byte[lanes.lanes()][];
    this.offs = new int[lanes.lanes()];
  }

  int lanes() {
    return inLane.length;
  }

  long laneBlocks() {
    lock.lock();
    try {
      return laneBlocks;
    } finally {
      lock.unlock();
    }
  }

  /** Hashes {@code blocks} blocks of {@code buf} from {@code off} into {@code state}. */
  void hash(int[] state, byte[] buf, int off, int blocks) {
    Job job = new Job(state, buf, off, off + blocks * Md5Block.SIZE);
    queue.add(job);
    boolean interrupted = false;
    while (!job.done) {
      if (lock.tryLock()) {
        Thread next;
        try {
          next = combine(job);
        } finally {
          lock.unlock();
        }
        // Whoever holds unfinished work takes the next turn. A stream that queued while this
        // thread held the lock failed its tryLock and parked: the queue's head wakes (it is
        // read after the unlock, so nothing queued before it is missed).
        if (next != null) {
          LockSupport.unpark(next);
        }
        Job head = queue.peek();
        if (head != null) {
          LockSupport.unpark(head.owner);
        }
      } else {
        LockSupport.park(this);
        // The buffer is the caller's until its blocks are hashed: an interrupt cannot end the
        // wait, only be passed on afterwards.
        interrupted |= Thread.interrupted();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs lanes until {@code own} is done; returns the owner of work left in a lane, if any. */
  private @Nullable Thread combine(Job own) {
    int extra = 0;
    while (true) {
      int active = 0;
      int lone = -1;
      int steps = CHUNK;
      for (int i = 0; i < inLane.length; i++) {
        Job job = inLane[i];
        if (job == null) {
          job = queue.poll();
          inLane[i] = job;
        }
        if (job != null) {
          active++;
          lone = i;
          steps = Math.min(steps, job.blocksLeft());
        }
      }
      if (own.done && (active <= 1 || extra >= EXTRA_BLOCKS)) {
        Job left = active == 0 ? null : inLane[lone];
        return left == null ? null : left.owner;
      }
      if (active == 1) {
        Job job = inLane[lone];
        Md5Block.compress(job.state, job.buf, job.pos, steps);
      } else {
        for (int i = 0; i < inLane.length; i++) {
          Job job = inLane[i];
          if (job != null) {
            lanes.load(i, job.state);
            bufs[i] = job.buf;
            offs[i] = job.pos;
          } else {
            bufs[i] = null;
          }
        }
        lanes.compress(bufs, offs, steps);
        laneBlocks += (long) active * steps;
        for (int i = 0; i < inLane.length; i++) {
          Job job = inLane[i];
          if (job != null) {
            lanes.store(i, job.state);
          }
        }
      }
      for (int i = 0; i < inLane.length; i++) {
        Job job = inLane[i];
        if (job != null) {
          job.pos += steps * Md5Block.SIZE;
          if (job.pos == job.end) {
            inLane[i] = null;
            bufs[i] = null;
            job.done = true;
            if (job != own) {
              LockSupport.unpark(job.owner);
            }
          }
        }
      }
      if (own.done) {
        extra += steps;
      }
    }
  }
}
