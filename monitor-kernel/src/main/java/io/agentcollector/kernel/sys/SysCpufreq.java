package io.agentcollector.kernel.sys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The frequencies of {@code /sys/devices/system/cpu/cpu<N>/cpufreq/}
 * (https://docs.kernel.org/admin-guide/pm/cpufreq.html#policy-interface-in-sysfs), in kHz as the
 * kernel writes them: {@code cpuinfo_cur_freq} (root only), {@code cpuinfo_min_freq}, {@code
 * cpuinfo_max_freq}, {@code scaling_cur_freq}, {@code scaling_min_freq}, {@code scaling_max_freq}.
 * A CPU without a {@code cpufreq} directory (no cpufreq driver, as in most VMs) is left out; an
 * attribute that is missing or unreadable is absent; one that is not a number fails the read.
 *
 * @param cpus in name order ({@code cpu0}, {@code cpu1}, {@code cpu10}, ...)
 */
public record SysCpufreq(List<Cpu> cpus) {

  /**
   * @param name the number of {@code cpu<N>}
   */
  public record Cpu(
      String name,
      OptionalLong cpuinfoCurKhz,
      OptionalLong cpuinfoMinKhz,
      OptionalLong cpuinfoMaxKhz,
      OptionalLong scalingCurKhz,
      OptionalLong scalingMinKhz,
      OptionalLong scalingMaxKhz) {}

  /** Reads {@code cpuDir}, the {@code /sys/devices/system/cpu} directory. */
  public static SysCpufreq read(Path cpuDir) throws IOException {
    List<Cpu> cpus = new ArrayList<>();
    for (String cpu : SysfsFiles.numbered(cpuDir, "cpu")) {
      Path dir = cpuDir.resolve(cpu).resolve("cpufreq");
      // One stat per CPU without cpufreq, as node_exporter; the attributes are read only if it is.
      if (!Files.isDirectory(dir)) {
        continue;
      }
      cpus.add(
          new Cpu(
              cpu.substring(3),
              khz(dir.resolve("cpuinfo_cur_freq")),
              khz(dir.resolve("cpuinfo_min_freq")),
              khz(dir.resolve("cpuinfo_max_freq")),
              khz(dir.resolve("scaling_cur_freq")),
              khz(dir.resolve("scaling_min_freq")),
              khz(dir.resolve("scaling_max_freq"))));
    }
    return new SysCpufreq(List.copyOf(cpus));
  }

  /** A frequency attribute's text, in kHz. */
  public static long parse(String file, String content) {
    return SysfsFiles.unsigned(file, content);
  }

  private static OptionalLong khz(Path file) throws IOException {
    var text = SysfsFiles.readIfPresent(file);
    return text.isEmpty()
        ? OptionalLong.empty()
        : OptionalLong.of(parse(file.toString(), text.get()));
  }
}
