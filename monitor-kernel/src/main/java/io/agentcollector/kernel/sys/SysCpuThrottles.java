package io.agentcollector.kernel.sys;

import io.agentcollector.kernel.KernelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Thermal throttle counts of {@code /sys/devices/system/cpu/cpu<N>/thermal_throttle/}
 * (https://docs.kernel.org/arch/x86/topology.html, intel_thermal), keyed by the package and core
 * ids of {@code cpu<N>/topology/} (https://docs.kernel.org/admin-guide/cputopology.html). SMT
 * siblings share a core and all cores of a package share the package count, so each is read once,
 * from the first CPU in name order, as node_exporter does. A CPU without topology is skipped; a
 * count that is missing or unreadable is absent. Only bare-metal Intel machines have these files.
 *
 * @param packages package id to package_throttle_count
 * @param cores package id to core id to core_throttle_count
 */
public record SysCpuThrottles(Map<Long, Long> packages, Map<Long, Map<Long, Long>> cores) {

  /** Reads {@code cpuDir}, the {@code /sys/devices/system/cpu} directory. */
  public static SysCpuThrottles read(Path cpuDir) throws IOException {
    Map<Long, Long> packages = new TreeMap<>();
    Map<Long, Map<Long, Long>> cores = new TreeMap<>();
    for (Path cpu : cpuDirectories(cpuDir)) {
      OptionalLong pkg = readUint(cpu.resolve("topology/physical_package_id"));
      OptionalLong core = readUint(cpu.resolve("topology/core_id"));
      if (pkg.isEmpty() || core.isEmpty()) {
        continue;
      }
      Map<Long, Long> coresOfPackage = cores.computeIfAbsent(pkg.getAsLong(), p -> new TreeMap<>());
      if (!coresOfPackage.containsKey(core.getAsLong())) {
        readUint(cpu.resolve("thermal_throttle/core_throttle_count"))
            .ifPresent(v -> coresOfPackage.put(core.getAsLong(), v));
      }
      if (!packages.containsKey(pkg.getAsLong())) {
        readUint(cpu.resolve("thermal_throttle/package_throttle_count"))
            .ifPresent(v -> packages.put(pkg.getAsLong(), v));
      }
    }
    cores.values().removeIf(Map::isEmpty);
    return new SysCpuThrottles(packages, cores);
  }

  /** Whether any CPU of {@code cpuDir} has a thermal_throttle directory. */
  public static boolean present(Path cpuDir) throws IOException {
    for (Path cpu : cpuDirectories(cpuDir)) {
      if (Files.isDirectory(cpu.resolve("thermal_throttle"))) {
        return true;
      }
    }
    return false;
  }

  /** {@code cpu[0-9]*} in name order, like Go's filepath.Glob. */
  private static List<Path> cpuDirectories(Path cpuDir) throws IOException {
    if (!Files.isDirectory(cpuDir)) {
      return List.of();
    }
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(cpuDir)) {
      s.filter(p -> p.getFileName().toString().matches("cpu[0-9].*")).sorted().forEach(out::add);
    }
    return out;
  }

  /** An unsigned decimal, or empty when the attribute is missing, unreadable or not a number. */
  private static OptionalLong readUint(Path file) {
    try {
      return OptionalLong.of(Long.parseUnsignedLong(KernelFiles.read(file).strip()));
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
