package io.coffer.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs one workload: prepare, warm up (not counted), measure for the duration, then let the
 * operations in flight finish. Closed loop: each worker sends its next request when the previous
 * one completes, so latencies are service times at that concurrency (no coordinated-omission
 * correction applies).
 */
final class Driver {
  private static final long RETRY_AFTER_FAILURE_MILLIS = 10;

  private final BenchContext context;
  private final @Nullable ServerCpu serverCpu;

  /**
   * @throws IllegalArgumentException when a {@code --server-pid} is not a process of this machine
   */
  Driver(BenchContext context) {
    this.context = context;
    List<Long> pids = context.settings().serverPids();
    this.serverCpu = pids.isEmpty() ? null : new ServerCpu(pids);
  }

  WorkloadResult run(Workload workload) throws Exception {
    BenchSettings settings = context.settings();
    workload.prepare(context);
    Meter meter = new Meter(context.log(), workload.operations());
    Run run = new Run(workload, meter);
    List<Worker> workers = new ArrayList<>();
    for (int i = 0; i < workload.concurrency(); i++) {
      Connection[] connections = new Connection[workload.connectionsPerWorker()];
      for (int c = 0; c < connections.length; c++) {
        connections[c] = context.connections().open();
      }
      workers.add(new Worker(i, connections, meter));
    }
    ProgressLine progress = settings.progress() ? new ProgressLine(context.log()) : null;
    try {
      workers.forEach(w -> w.connection().loop().execute(() -> run.loop(w)));
      pause(workload, "warm-up", settings.warmup(), meter, progress);
      // The server's CPU is read just outside the window's edges: reading /proc takes a few
      // milliseconds of the client's time, which the window should not hold.
      long serverStart = serverCpu == null ? -1 : serverCpu.cpuNanos();
      long cpuStart = CpuClock.processCpuNanos();
      long wallStart = System.nanoTime();
      meter.start();
      pause(workload, "run", settings.duration(), meter, progress);
      Meter.Totals totals = meter.stop();
      long wall = System.nanoTime() - wallStart;
      long cpu = cpuStart < 0 ? -1 : CpuClock.processCpuNanos() - cpuStart;
      long server = serverCpu == null ? -1 : serverCpu.cpuNanos() - serverStart;
      run.stopping = true;
      if (!run.finished.await(5, TimeUnit.MINUTES)) {
        context.log().println("\nwarning: operations still in flight after 5 minutes");
      }
      return WorkloadResult.of(workload, totals, wall, cpu, server);
    } finally {
      if (progress != null) {
        progress.clear();
      }
      for (Worker w : workers) {
        for (Connection c : w.connections) {
          c.close();
        }
      }
    }
  }

  /** Waits out a phase, refreshing the progress line every second. */
  private static void pause(
      Workload workload,
      String phase,
      Duration length,
      Meter meter,
      @Nullable ProgressLine progress)
      throws InterruptedException {
    long end = System.nanoTime() + length.toNanos();
    long lastOps = meter.liveOps();
    long lastBytes = meter.liveBytes();
    long lastTime = System.nanoTime();
    while (true) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return;
      }
      Thread.sleep(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 1000));
      if (progress != null) {
        long now = System.nanoTime();
        double seconds = (now - lastTime) / 1e9;
        long ops = meter.liveOps();
        long bytes = meter.liveBytes();
        progress.show(
            String.format(
                "%-15s %-7s %3ds left  %,10.0f ops/s  %,9.1f MB/s  errors %d",
                workload.name(),
                phase,
                Math.max(0, (end - now) / 1_000_000_000L),
                (ops - lastOps) / seconds,
                (bytes - lastBytes) / 1e6 / seconds,
                meter.errorsSoFar()));
        lastOps = ops;
        lastBytes = bytes;
        lastTime = now;
      }
    }
  }

  /** The workers' loops for one workload. */
  private static final class Run {
    final Workload workload;
    final Meter meter;
    final CountDownLatch finished;
    volatile boolean stopping;

    Run(Workload workload, Meter meter) {
      this.workload = workload;
      this.meter = meter;
      this.finished = new CountDownLatch(workload.concurrency());
    }

    void loop(Worker worker) {
      if (stopping) {
        finished.countDown();
        return;
      }
      long start = System.nanoTime();
      CompletableFuture<Outcome> operation;
      try {
        operation = workload.next(worker);
      } catch (RuntimeException e) {
        operation = CompletableFuture.failedFuture(e);
      }
      operation.whenComplete(
          (outcome, failure) -> {
            meter.record(
                start, failure == null ? outcome : Outcome.failed(String.valueOf(failure)));
            var loop = worker.connection().loop();
            if (failure == null && outcome.error() == null) {
              // Through the event loop's queue, never inline, so the chain does not grow the stack.
              loop.execute(() -> loop(worker));
            } else {
              // An I/O failure (refused, reset) would otherwise spin, and so would a server that
              // refuses every request; a short pause keeps it cheap.
              loop.schedule(() -> loop(worker), RETRY_AFTER_FAILURE_MILLIS, TimeUnit.MILLISECONDS);
            }
          });
    }
  }
}
