package io.agentcollector.plugin.system;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.KernelFile;
import io.agentcollector.kernel.proc.ProcSysKernelRandom;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.pf4j.Extension;

/**
 * node_exporter's entropy collector: {@code node_entropy_available_bits} and {@code
 * node_entropy_pool_size_bits} from {@code /proc/sys/kernel/random/}. Golden file: {@code
 * src/test/golden/entropy.prom}.
 */
@Extension
@CollectorInfo(name = "entropy", nodeExporter = true)
public final class EntropyCollector implements Collector {

  private final KernelFile[] files;

  public EntropyCollector(CollectorContext context) {
    files = ProcSysKernelRandom.files(context.hostPaths().proc());
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    MetricFamilies f = new MetricFamilies();
    ProcSysKernelRandom r = ProcSysKernelRandom.read(files[0], files[1]);
    r.entropyAvailable()
        .ifPresent(
            v ->
                f.gauge(
                        "node_entropy_available_bits",
                        "Entropy available to the kernel's RNG, in bits.")
                    .add(v));
    r.poolSize()
        .ifPresent(
            v ->
                f.gauge(
                        "node_entropy_pool_size_bits",
                        "Size of the kernel's entropy pool, in bits.")
                    .add(v));
    return f.build();
  }

  @Override
  public void stop() {
    files[0].close();
    files[1].close();
  }
}
