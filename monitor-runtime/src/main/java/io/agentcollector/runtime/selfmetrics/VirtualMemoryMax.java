package io.agentcollector.runtime.selfmetrics;

import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.kernel.proc.ProcPidLimits;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code process_virtual_memory_max_bytes}, which client_java's process metrics lack and
 * Prometheus' Go and Python clients (node_exporter's among them) expose: the soft limit on the
 * address space ({@code RLIMIT_AS}), 2^64 when unlimited as those clients report it.
 */
public final class VirtualMemoryMax {

  /** What unlimited reads as: RLIM_INFINITY, an unsigned 64-bit all-ones, as a double. */
  static final double UNLIMITED = 0x1p64;

  private VirtualMemoryMax() {}

  public static void register(PrometheusRegistry registry, Path limitsFile) {
    GaugeWithCallback.builder()
        .name("process_virtual_memory_max_bytes")
        .help("Maximum amount of virtual memory available in bytes.")
        .callback(
            cb -> {
              Double v = read(limitsFile);
              if (v != null) {
                cb.call(v);
              }
            })
        .register(registry);
  }

  /** The limit, or null when the file cannot be read (then the family has no sample). */
  static Double read(Path limitsFile) {
    try {
      var limit = ProcPidLimits.parse(KernelFiles.read(limitsFile)).get("Max address space");
      if (limit.isEmpty()) {
        return null;
      }
      long soft = limit.get().soft();
      return soft == ProcPidLimits.UNLIMITED ? UNLIMITED : (double) soft;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }
}
