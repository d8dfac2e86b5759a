package io.agentcollector.runtime.containers;

import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.kernel.proc.ProcMeminfo;
import io.agentcollector.kernel.proc.ProcNetDev;
import io.agentcollector.kernel.sys.CpuList;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The host files the container collector reads itself rather than through a stats reader: a
 * container's {@code /proc/<pid>/net/dev}, and {@code /sys/devices/system/cpu/online} and {@code
 * /proc/meminfo} for cAdvisor's {@code machine_*} gauges. A file that cannot be read or parsed
 * leaves its series out, logged by {@link ReadProblems} (a refused file once as a WARN).
 */
final class MachineFiles {

  private final HostPaths paths;
  private final ReadProblems problems;

  MachineFiles(HostPaths paths, ReadProblems problems) {
    this.paths = paths;
    this.problems = problems;
  }

  /**
   * The counters of the container's network namespace, seen from its init process, by interface
   * name; those named lo*, veth*, docker* are left out, as cAdvisor does.
   */
  Optional<List<ProcNetDev.Device>> network(ContainerInfo c) {
    try {
      String dev = KernelFiles.read(paths.proc(Long.toString(c.pid()), "net", "dev"));
      return Optional.of(
          ProcNetDev.parse("/proc/<pid>/net/dev", dev).devices().stream()
              .filter(d -> !hidden(d.name()))
              .sorted(Comparator.comparing(ProcNetDev.Device::name))
              .toList());
    } catch (IOException | IllegalArgumentException e) {
      problems.failed("network stats", c.key(), e);
      return Optional.empty();
    }
  }

  private static boolean hidden(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.startsWith("lo") || lower.startsWith("veth") || lower.startsWith("docker");
  }

  /** cAdvisor's machine_cpu_cores and machine_memory_bytes. */
  void machine(MetricFamilies f) {
    try {
      String online = KernelFiles.read(paths.sys("devices", "system", "cpu", "online"));
      int cpus = CpuList.parse("/sys/devices/system/cpu/online", online).count();
      f.gauge("machine_cpu_cores", "Number of logical CPU cores.").add(cpus);
    } catch (IOException | RuntimeException e) {
      problems.failed("machine_cpu_cores", "the machine", e);
    }
    try {
      ProcMeminfo meminfo = ProcMeminfo.parse(KernelFiles.read(paths.proc("meminfo")));
      meminfo
          .get("MemTotal")
          .ifPresent(
              bytes ->
                  f.gauge("machine_memory_bytes", "Amount of memory installed on the machine.")
                      .add(bytes));
    } catch (IOException | RuntimeException e) {
      problems.failed("machine_memory_bytes", "the machine", e);
    }
  }
}
