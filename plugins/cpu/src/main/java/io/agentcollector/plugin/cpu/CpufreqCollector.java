package io.agentcollector.plugin.cpu;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.sys.SysCpufreq;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.OptionalLong;
import org.pf4j.Extension;

/**
 * node_exporter's cpufreq collector: {@code node_cpu_frequency_hertz}, {@code
 * node_cpu_frequency_min_hertz}, {@code node_cpu_frequency_max_hertz} (cpuinfo_*) and {@code
 * node_cpu_scaling_frequency_hertz}, {@code ..._min_hertz}, {@code ..._max_hertz} (scaling_*), per
 * {@code cpu}, from {@code /sys/devices/system/cpu/cpu<N>/cpufreq}. VMs without a cpufreq driver:
 * empty result. Golden file (hand-made tree {@code edge/cpu-cpufreq}): {@code
 * src/test/golden/cpufreq.prom}.
 */
@Extension
@CollectorInfo(name = "cpufreq", nodeExporter = true)
public final class CpufreqCollector implements Collector {

  private final HostPaths paths;

  public CpufreqCollector(CollectorContext context) {
    paths = context.hostPaths();
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    SysCpufreq freq = SysCpufreq.read(paths.sys("devices", "system", "cpu"));
    MetricFamilies f = new MetricFamilies();
    for (SysCpufreq.Cpu c : freq.cpus()) {
      add(
          f,
          "node_cpu_frequency_hertz",
          "Current cpu thread frequency in hertz.",
          c,
          c.cpuinfoCurKhz());
      add(
          f,
          "node_cpu_frequency_min_hertz",
          "Minimum cpu thread frequency in hertz.",
          c,
          c.cpuinfoMinKhz());
      add(
          f,
          "node_cpu_frequency_max_hertz",
          "Maximum cpu thread frequency in hertz.",
          c,
          c.cpuinfoMaxKhz());
      add(
          f,
          "node_cpu_scaling_frequency_hertz",
          "Current scaled CPU thread frequency in hertz.",
          c,
          c.scalingCurKhz());
      add(
          f,
          "node_cpu_scaling_frequency_min_hertz",
          "Minimum scaled CPU thread frequency in hertz.",
          c,
          c.scalingMinKhz());
      add(
          f,
          "node_cpu_scaling_frequency_max_hertz",
          "Maximum scaled CPU thread frequency in hertz.",
          c,
          c.scalingMaxKhz());
    }
    return f.build();
  }

  private static void add(
      MetricFamilies f, String name, String help, SysCpufreq.Cpu cpu, OptionalLong khz) {
    if (khz.isPresent()) {
      // sysfs gives kHz; node_exporter exposes the base unit
      f.gauge(name, help).add(khz.getAsLong() * 1000.0, "cpu", cpu.name());
    }
  }
}
