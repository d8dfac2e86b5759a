package io.agentcollector.kernel.sys;

import io.agentcollector.kernel.Fields;
import io.agentcollector.kernel.KernelFiles;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Linux bonding in {@code /sys/class/net} (https://docs.kernel.org/networking/bonding.html): the
 * masters listed in {@code bonding_masters} (present once the bonding module is loaded), the slaves
 * of each in {@code <master>/bonding/slaves}, and each slave's {@code mii_status} in {@code
 * <master>/lower_<slave>/bonding_slave/} ({@code slave_<slave>/} on older kernels). Those files are
 * required once a master is listed, as in node_exporter. No {@code bonding_masters}: no masters.
 *
 * @param masters master to its counts, in file order
 */
public record SysClassNetBonding(Map<String, Slaves> masters) {

  /**
   * @param configured the slaves listed
   * @param active those whose mii_status is {@code up}
   */
  public record Slaves(int configured, int active) {}

  /** Reads {@code classNet}, the {@code /sys/class/net} directory. */
  public static SysClassNetBonding read(Path classNet) throws IOException {
    Path mastersFile = classNet.resolve("bonding_masters");
    Optional<String> masters = KernelFiles.readIfPresent(mastersFile);
    Map<String, Slaves> out = new LinkedHashMap<>();
    if (masters.isEmpty()) {
      return new SysClassNetBonding(Map.of());
    }
    // Interface names are UTF-8, for the labels and the paths alike.
    for (String master : names(mastersFile.toString(), KernelFiles.utf8(masters.get()))) {
      Path slavesFile = classNet.resolve(master).resolve("bonding").resolve("slaves");
      List<String> slaves =
          names(slavesFile.toString(), KernelFiles.utf8(KernelFiles.read(slavesFile)));
      int active = 0;
      for (String slave : slaves) {
        if (isUp(miiStatus(classNet.resolve(master), slave))) {
          active++;
        }
      }
      out.put(master, new Slaves(slaves.size(), active));
    }
    return new SysClassNetBonding(java.util.Collections.unmodifiableMap(out));
  }

  /**
   * The interface names of {@code bonding_masters} or {@code slaves}, blank-separated. A name that
   * could leave the directory ({@code .}, {@code ..}, a {@code /}) is refused.
   */
  public static List<String> names(String file, String content) {
    List<String> names = List.of(Fields.split(content));
    for (String n : names) {
      if (n.equals(".") || n.equals("..") || n.indexOf('/') >= 0 || n.indexOf('\0') >= 0) {
        throw new IllegalArgumentException(file + ": not an interface name: \"" + n + "\"");
      }
    }
    return names;
  }

  /** Whether a {@code mii_status} text says {@code up}. */
  public static boolean isUp(String miiStatus) {
    return SysfsFiles.trim(miiStatus).equals("up");
  }

  private static String miiStatus(Path master, String slave) throws IOException {
    try {
      return KernelFiles.read(master.resolve("lower_" + slave).resolve("bonding_slave/mii_status"));
    } catch (NoSuchFileException e) {
      return KernelFiles.read(master.resolve("slave_" + slave).resolve("bonding_slave/mii_status"));
    }
  }
}
