package io.agentcollector.plugin.system;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.KernelFile;
import io.agentcollector.kernel.PsiStats;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter's pressure collector: {@code node_pressure_cpu_waiting_seconds_total}, {@code
 * node_pressure_{io,memory}_{waiting,stalled}_seconds_total} from {@code /proc/pressure/}. Like
 * 1.5.0 there is no cpu "stalled" family. Without PSI (kernel &lt; 4.20, {@code psi=0}) the result
 * is empty. Golden file: {@code src/test/golden/pressure.prom}.
 */
@Extension
@CollectorInfo(name = "pressure", nodeExporter = true)
public final class PressureCollector implements Collector {

  private static final List<String> RESOURCES = List.of("cpu", "io", "memory");
  private static final List<String> NAMES =
      List.of("/proc/pressure/cpu", "/proc/pressure/io", "/proc/pressure/memory");

  private final KernelFile[] files = new KernelFile[RESOURCES.size()];
  private final Logger log;

  public PressureCollector(CollectorContext context) {
    HostPaths paths = context.hostPaths();
    for (int i = 0; i < files.length; i++) {
      files[i] = new KernelFile(paths.proc("pressure", RESOURCES.get(i)));
    }
    log = context.logger();
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    MetricFamilies f = new MetricFamilies();
    for (int i = 0; i < files.length; i++) {
      String resource = RESOURCES.get(i);
      Optional<String> content = files[i].readIfPresent();
      if (content.isEmpty()) {
        // node_exporter stops at the first missing resource; so do we.
        log.debug("no pressure information for {} (needs kernel 4.20+ with PSI enabled)", resource);
        break;
      }
      PsiStats p = PsiStats.parse(NAMES.get(i), content.get());
      switch (resource) {
        case "cpu" ->
            p.someSeconds()
                .ifPresent(
                    v ->
                        f.counter(
                                "node_pressure_cpu_waiting_seconds_total",
                                "Seconds some tasks waited for a CPU.")
                            .add(v));
        case "io" -> {
          p.someSeconds()
              .ifPresent(
                  v ->
                      f.counter(
                              "node_pressure_io_waiting_seconds_total",
                              "Seconds some tasks waited for IO.")
                          .add(v));
          p.fullSeconds()
              .ifPresent(
                  v ->
                      f.counter(
                              "node_pressure_io_stalled_seconds_total",
                              "Seconds all non-idle tasks were stalled on IO at once.")
                          .add(v));
        }
        default -> {
          p.someSeconds()
              .ifPresent(
                  v ->
                      f.counter(
                              "node_pressure_memory_waiting_seconds_total",
                              "Seconds some tasks waited for memory.")
                          .add(v));
          p.fullSeconds()
              .ifPresent(
                  v ->
                      f.counter(
                              "node_pressure_memory_stalled_seconds_total",
                              "Seconds all non-idle tasks were stalled on memory at once.")
                          .add(v));
        }
      }
    }
    return f.build();
  }

  @Override
  public void stop() {
    for (KernelFile file : files) {
      file.close();
    }
  }
}
