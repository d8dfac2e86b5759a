package io.agentcollector.runtime.containers;

import io.agentcollector.api.Failures;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.kernel.KernelFiles;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * The host files the container collector reads itself rather than through a stats reader: a
 * container's {@code /proc/<pid>/net/dev}, and {@code /sys/devices/system/cpu/online} and {@code
 * /proc/meminfo} for cAdvisor's {@code machine_*} gauges. A file that cannot be read or parsed
 * leaves its series out, with a debug line.
 */
final class MachineFiles {

  private final HostPaths paths;
  private final Logger log;

  MachineFiles(HostPaths paths, Logger log) {
    this.paths = paths;
    this.log = log;
  }

  /** The counters of the container's network namespace, seen from its init process. */
  Optional<NetDev> network(ContainerInfo c) {
    try {
      String dev = KernelFiles.read(paths.proc(Long.toString(c.pid()), "net", "dev"));
      return Optional.of(NetDev.parse(dev));
    } catch (IOException | IllegalArgumentException e) {
      log.debug("no network stats for {}: {}", c.key(), Failures.summary(e));
      return Optional.empty();
    }
  }

  /** cAdvisor's machine_cpu_cores and machine_memory_bytes. */
  void machine(MetricFamilies f) {
    try {
      String online = KernelFiles.read(paths.sys("devices", "system", "cpu", "online")).strip();
      f.gauge("machine_cpu_cores", "Number of logical CPU cores.").add(countCpus(online));
    } catch (IOException | RuntimeException e) {
      log.debug("machine_cpu_cores: {}", Failures.summary(e));
    }
    try {
      for (String line : KernelFiles.read(paths.proc("meminfo")).split("\n")) {
        if (line.startsWith("MemTotal:")) {
          // /proc/meminfo is in kB (KiB).
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          f.gauge("machine_memory_bytes", "Amount of memory installed on the machine.")
              .add(kb * 1024.0);
        }
      }
    } catch (IOException | RuntimeException e) {
      log.debug("machine_memory_bytes: {}", Failures.summary(e));
    }
  }

  /** Counts CPUs in a kernel cpu list such as {@code 0-3,5,7-8}. */
  static int countCpus(String list) {
    int n = 0;
    for (String part : list.split(",")) {
      String[] range = part.strip().split("-");
      n += range.length == 1 ? 1 : Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1;
    }
    return n;
  }
}
