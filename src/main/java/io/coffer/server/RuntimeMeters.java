package io.coffer.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.DiskSpaceMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.nio.file.Path;

/**
 * The JVM and the process in {@code /metrics}, with Micrometer's own binders so that their names
 * are those dashboards for Micrometer already know: memory by pool ({@code jvm_memory_*}), garbage
 * collection ({@code jvm_gc_*}), platform threads ({@code jvm_threads_*}), classes, CPU ({@code
 * process_cpu_usage}, {@code system_cpu_usage}, load), open and maximum file descriptors ({@code
 * process_files_*}), start time and uptime, the JVM's version ({@code jvm_info}), and the usable
 * and total space of the data directory's file system ({@code disk_free_bytes}, {@code
 * disk_total_bytes}, label {@code path}).
 */
final class RuntimeMeters {
  private RuntimeMeters() {}

  /**
   * Binds them all to {@code registry}.
   *
   * @return what removes the garbage collection listener this adds to the JVM (one per server:
   *     tests start many in one JVM), for the server to run when it stops
   */
  static Runnable register(MeterRegistry registry, Path dataDir) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmInfoMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new DiskSpaceMetrics(dataDir.toFile()).bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    return gc::close;
  }
}
