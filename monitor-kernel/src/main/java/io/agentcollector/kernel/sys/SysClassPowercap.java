package io.agentcollector.kernel.sys;

import io.agentcollector.kernel.KernelFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The RAPL zones of {@code /sys/class/powercap/}
 * (https://docs.kernel.org/power/powercap/powercap.html): every entry with a {@code name} file is a
 * zone ({@code intel-rapl:0} named {@code package-0}, {@code intel-rapl:0:0} named {@code core},
 * ...), with its {@code max_energy_range_uj} (required) and, read on demand, its {@code energy_uj}
 * counter. As procfs does, a trailing {@code -<n>} of the name is its index ({@code package-0}:
 * {@code package}, 0); a name without one is indexed by how often it came before. No powercap
 * directory: no zones.
 *
 * @param zones in directory name order
 */
public record SysClassPowercap(List<Zone> zones) {

  /**
   * @param name the name without its index, e.g. {@code package}, {@code dram}
   * @param index the index, distinguishing equal names
   * @param dir the zone's directory, e.g. {@code /sys/class/powercap/intel-rapl:0}
   * @param maxMicrojoules where {@code energy_uj} wraps
   */
  public record Zone(String name, long index, Path dir, long maxMicrojoules) {

    /**
     * The {@code energy_uj} counter in µJ (u64, wrapped into a long); empty when only root may read
     * it (Linux 5.10 and later, against the Platypus side channel).
     */
    public Optional<Long> energyMicrojoules() throws IOException {
      Path file = dir.resolve("energy_uj");
      try {
        return Optional.of(number(file.toString(), KernelFiles.read(file)));
      } catch (java.nio.file.AccessDeniedException e) {
        return Optional.empty();
      }
    }
  }

  /** Reads {@code dir}, the {@code /sys/class/powercap} directory. */
  public static SysClassPowercap read(Path dir) throws IOException {
    List<Zone> zones = new ArrayList<>();
    Map<String, Long> uses = new HashMap<>();
    for (String entry : SysfsFiles.list(dir)) {
      Path zoneDir = dir.resolve(entry);
      // A control type (intel-rapl) has no name; any entry whose name cannot be read is skipped.
      Optional<String> raw = readName(zoneDir.resolve("name"));
      if (raw.isEmpty()) {
        continue;
      }
      String name = SysfsFiles.label(raw.get());
      long index;
      int dash = name.indexOf('-');
      // Exactly one dash, as procfs splits: "package-0" is package 0, "a-b-1" keeps its name.
      Long embedded =
          dash >= 0 && name.indexOf('-', dash + 1) < 0
              ? parseIndex(name.substring(dash + 1))
              : null;
      if (embedded != null) {
        index = embedded;
        name = name.substring(0, dash);
      } else {
        index = uses.getOrDefault(name, 0L);
      }
      Path max = zoneDir.resolve("max_energy_range_uj");
      zones.add(new Zone(name, index, zoneDir, number(max.toString(), SysfsFiles.read(max))));
      uses.put(name, index + 1);
    }
    return new SysClassPowercap(List.copyOf(zones));
  }

  /** A µJ attribute's text ({@code energy_uj}, {@code max_energy_range_uj}). */
  public static long number(String file, String content) {
    return SysfsFiles.unsigned(file, content);
  }

  /** Go's {@code strconv.Atoi} (64 bit): an optional sign and decimal digits; else null. */
  static Long parseIndex(String s) {
    int start = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
    if (s.length() == start) {
      return null;
    }
    for (int i = start; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return null;
      }
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Optional<String> readName(Path file) {
    try {
      return Optional.of(SysfsFiles.read(file));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
