package io.agentcollector.runtime.containers;

import io.agentcollector.api.container.ContainerKey;
import io.agentcollector.api.container.ContainerStats;
import java.util.HashMap;
import java.util.Map;

/** {@code container_cpu_usage_ratio}: CPU used since the last cycle against the CPU quota. */
final class CpuRatios {

  private record Last(double usageSeconds, double atSeconds) {}

  private final Map<ContainerKey, Last> last = new HashMap<>();

  /**
   * The fraction of the quota the container used since its last reading here; NaN on the first one
   * or without a quota.
   */
  double ratio(ContainerKey key, ContainerStats.Cpu cpu, double nowSeconds) {
    Last prev = last.put(key, new Last(cpu.usageSeconds(), nowSeconds));
    var quota = cpu.quotaMicros();
    if (prev == null
        || quota.isEmpty()
        || cpu.periodMicros() <= 0
        || nowSeconds <= prev.atSeconds()) {
      return Double.NaN;
    }
    double cores = (double) quota.getAsLong() / cpu.periodMicros();
    return (cpu.usageSeconds() - prev.usageSeconds()) / (nowSeconds - prev.atSeconds()) / cores;
  }

  void forget(ContainerKey key) {
    last.remove(key);
  }
}
