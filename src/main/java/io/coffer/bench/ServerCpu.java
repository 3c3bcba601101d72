package io.coffer.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The CPU time a server on this machine has used so far, read from {@code /proc/<pid>/stat}: user
 * plus system time of the given processes and of every process descended from them (nginx's
 * workers, say), each with the time of its children that already exited and were reaped, so that a
 * worker ending inside the window still counts. Sampled at the edges of the measured window, the
 * difference is the server's CPU for what the window measured, and nothing of the preload, warm-up
 * or clean-up. Linux only; the clock tick comes from {@code getconf CLK_TCK} (100 when unknown).
 */
final class ServerCpu {
  private static final Path PROC = Path.of("/proc");
  private static final long DEFAULT_TICKS_PER_SECOND = 100;

  /** Fields of /proc/<pid>/stat after the command name, counted from the state (field 3). */
  private static final int PPID = 1;

  private static final int UTIME = 11;
  private static final int STIME = 12;
  private static final int CUTIME = 13;
  private static final int CSTIME = 14;

  private final List<Long> roots;
  private final long nanosPerTick;

  /**
   * @throws IllegalArgumentException when one of {@code pids} is not a running process
   */
  ServerCpu(List<Long> pids) {
    for (long pid : pids) {
      if (!Files.isReadable(PROC.resolve(Long.toString(pid)).resolve("stat"))) {
        throw new IllegalArgumentException("--server-pid " + pid + ": no such process here");
      }
    }
    this.roots = List.copyOf(pids);
    this.nanosPerTick = TimeUnit.SECONDS.toNanos(1) / ticksPerSecond();
  }

  /** Nanoseconds of CPU used so far by the processes and their descendants. */
  long cpuNanos() throws IOException {
    Map<Long, Stat> all = readAll();
    Map<Long, List<Long>> children = new HashMap<>();
    all.forEach(
        (pid, stat) -> children.computeIfAbsent(stat.ppid, p -> new ArrayList<>()).add(pid));
    Set<Long> seen = new HashSet<>();
    Deque<Long> next = new ArrayDeque<>(roots);
    long ticks = 0;
    while (!next.isEmpty()) {
      long pid = next.pop();
      Stat stat = all.get(pid);
      if (stat == null || !seen.add(pid)) {
        continue; // exited (a root that died counts no more)
      }
      ticks += stat.ticks;
      next.addAll(children.getOrDefault(pid, List.of()));
    }
    return ticks * nanosPerTick;
  }

  private static Map<Long, Stat> readAll() throws IOException {
    Map<Long, Stat> all = new HashMap<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path entry : entries) {
        try {
          long pid = Long.parseLong(entry.getFileName().toString());
          all.put(pid, parse(Files.readString(entry.resolve("stat"), StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException gone) {
          // a process that ended while the directory was read (or a line this code cannot read:
          // it is not one of ours)
        }
      }
    }
    return all;
  }

  /**
   * One line of /proc/<pid>/stat. The command name is in parentheses and may itself hold spaces and
   * parentheses, so the fields are counted from the last closing one.
   */
  static Stat parse(String line) {
    String[] fields = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
    long ticks =
        Long.parseLong(fields[UTIME])
            + Long.parseLong(fields[STIME])
            + Long.parseLong(fields[CUTIME])
            + Long.parseLong(fields[CSTIME]);
    return new Stat(Long.parseLong(fields[PPID]), ticks);
  }

  private static long ticksPerSecond() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      if (getconf.waitFor(5, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
        long ticks = Long.parseLong(out.trim());
        if (ticks > 0) {
          return ticks;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // no getconf: Linux's USER_HZ is 100 on every common architecture
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return DEFAULT_TICKS_PER_SECOND;
  }

  /**
   * @param ppid the parent's pid
   * @param ticks utime + stime + cutime + cstime, in clock ticks
   */
  record Stat(long ppid, long ticks) {}
}
