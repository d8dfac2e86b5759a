package io.agentcollector.kernel.sys;

import io.agentcollector.kernel.KernelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code /sys/class/infiniband/<device>/} (https://docs.kernel.org/infiniband/sysfs.html, ABI
 * {@code sysfs-class-infiniband}): per device {@code board_id}, {@code fw_ver} and, if the driver
 * has it, {@code hca_type}; per port {@code ports/<n>/state} and {@code phys_state} ({@code 4:
 * ACTIVE}), {@code rate} ({@code 100 Gb/sec (4X EDR)}, as bytes per second) and the counters of
 * {@code counters/} and {@code counters_ext/} that procfs knows. The data counters count 4-byte
 * words (one per lane of a 4x link, as Mellanox documents), so they are multiplied by 4 here, as
 * procfs does. A counter reading {@code N/A (no PMA)} is absent. No such directory: no devices.
 *
 * @param devices in name order
 */
public record SysClassInfiniband(List<Device> devices) {

  /**
   * @param hcaType "" when the driver has none
   * @param ports in name order
   */
  public record Device(
      String name, String boardId, String firmwareVersion, String hcaType, List<Port> ports) {}

  /**
   * @param counters counter file name (as in {@link #COUNTERS}, {@link #COUNTERS_EXT}) to value
   */
  public record Port(
      long port,
      long stateId,
      long physStateId,
      long rateBytesPerSecond,
      Map<String, Long> counters) {}

  /** The files of {@code counters/} procfs reads. */
  public static final Set<String> COUNTERS =
      Set.of(
          "excessive_buffer_overrun_errors",
          "link_downed",
          "link_error_recovery",
          "local_link_integrity_errors",
          "multicast_rcv_packets",
          "multicast_xmit_packets",
          "port_rcv_constraint_errors",
          "port_rcv_data",
          "port_rcv_discards",
          "port_rcv_errors",
          "port_rcv_packets",
          "port_rcv_remote_physical_errors",
          "port_rcv_switch_relay_errors",
          "port_xmit_constraint_errors",
          "port_xmit_data",
          "port_xmit_discards",
          "port_xmit_packets",
          "port_xmit_wait",
          "symbol_error",
          "unicast_rcv_packets",
          "unicast_xmit_packets",
          "VL15_dropped");

  /** The files of {@code counters_ext/} procfs reads. */
  public static final Set<String> COUNTERS_EXT =
      Set.of(
          "port_multicast_rcv_packets",
          "port_multicast_xmit_packets",
          "port_rcv_data_64",
          "port_rcv_packets_64",
          "port_unicast_rcv_packets",
          "port_unicast_xmit_packets",
          "port_xmit_data_64",
          "port_xmit_packets_64");

  private static final Set<String> PER_LANE =
      Set.of("port_rcv_data", "port_xmit_data", "port_rcv_data_64", "port_xmit_data_64");

  /** Reads {@code dir}, the {@code /sys/class/infiniband} directory. */
  public static SysClassInfiniband read(Path dir) throws IOException {
    List<Device> devices = new ArrayList<>();
    for (String name : SysfsFiles.list(dir)) {
      devices.add(device(dir.resolve(name), name));
    }
    return new SysClassInfiniband(List.copyOf(devices));
  }

  /** A {@code state} or {@code phys_state}: {@code <id>: <name>}, the id. */
  public static long state(String file, String content) {
    int colon = content.indexOf(':');
    if (colon < 0 || content.indexOf(':', colon + 1) >= 0) {
      throw new IllegalArgumentException(
          file + ": expected \"<id>: <name>\": \"" + SysfsFiles.trim(content) + "\"");
    }
    long id = SysfsFiles.unsigned(file, content.substring(0, colon));
    if (id > 0xffffffffL) {
      throw new IllegalArgumentException(file + ": state id out of range: " + id);
    }
    return id;
  }

  /** A {@code rate}: {@code <Gb/s> Gb/sec (...)}, as bytes per second. */
  public static long rate(String file, String content) {
    int space = content.indexOf(' ');
    String gbits = space < 0 ? "" : SysfsFiles.trim(content.substring(0, space));
    try {
      // procfs parses with 32-bit precision, then truncates to whole bytes
      double v = Float.parseFloat(gbits);
      char last = gbits.isEmpty() ? ' ' : gbits.charAt(gbits.length() - 1);
      if (last < '0' || last > '9' || v < 0 || Float.isInfinite((float) v)) {
        throw new NumberFormatException();
      }
      return (long) (v * 125_000_000);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          file + ": expected \"<n> Gb/sec ...\": \"" + SysfsFiles.trim(content) + "\"");
    }
  }

  /** A counter: an unsigned number in Go's base-0 syntax; empty for {@code N/A (no PMA)}. */
  public static Optional<Long> counter(String file, String content) {
    try {
      return Optional.of(SysfsFiles.anyBase(file, content, false));
    } catch (IllegalArgumentException e) {
      if (content.contains("N/A (no PMA)")) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static Device device(Path dir, String name) throws IOException {
    String board = SysfsFiles.label(SysfsFiles.read(dir.resolve("board_id")));
    String fw = SysfsFiles.label(SysfsFiles.read(dir.resolve("fw_ver")));
    String hca;
    try {
      hca = SysfsFiles.label(SysfsFiles.read(dir.resolve("hca_type")));
    } catch (NoSuchFileException e) {
      hca = "";
    }
    Path portsDir = dir.resolve("ports");
    if (!Files.isDirectory(portsDir)) {
      throw new NoSuchFileException(portsDir.toString(), null, "no ports directory");
    }
    List<Port> ports = new ArrayList<>();
    for (String p : SysfsFiles.list(portsDir)) {
      ports.add(port(portsDir.resolve(p), p));
    }
    ports.sort((a, b) -> Long.compare(a.port(), b.port()));
    return new Device(name, board, fw, hca, List.copyOf(ports));
  }

  private static Port port(Path dir, String name) throws IOException {
    long number = SysfsFiles.unsigned(dir.toString(), name);
    Path state = dir.resolve("state");
    Path phys = dir.resolve("phys_state");
    Path rate = dir.resolve("rate");
    Map<String, Long> counters = new TreeMap<>();
    Path countersDir = dir.resolve("counters");
    if (!Files.isDirectory(countersDir)) {
      throw new NoSuchFileException(countersDir.toString(), null, "no counters directory");
    }
    counters(countersDir, COUNTERS, counters);
    counters(dir.resolve("counters_ext"), COUNTERS_EXT, counters);
    return new Port(
        number,
        state(state.toString(), KernelFiles.read(state)),
        state(phys.toString(), KernelFiles.read(phys)),
        rate(rate.toString(), KernelFiles.read(rate)),
        Collections.unmodifiableMap(counters));
  }

  private static void counters(Path dir, Set<String> known, Map<String, Long> out)
      throws IOException {
    for (String name : SysfsFiles.list(dir)) {
      Path file = dir.resolve(name);
      if (!known.contains(name) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      Optional<String> text = SysfsFiles.readIfPresent(file);
      Optional<Long> v = text.isEmpty() ? Optional.empty() : counter(file.toString(), text.get());
      // Go's uint64 multiplication wraps, and so does this
      v.ifPresent(value -> out.put(name, PER_LANE.contains(name) ? value * 4 : value));
    }
  }
}
