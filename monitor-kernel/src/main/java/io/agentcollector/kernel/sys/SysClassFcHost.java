package io.agentcollector.kernel.sys;

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
 * Fibre Channel host adapters, {@code /sys/class/fc_host/<host>/} (the FC transport class, {@code
 * drivers/scsi/scsi_transport_fc.c}): the attributes prometheus/procfs reads, all required ({@code
 * speed}, {@code port_state}, {@code port_type}, {@code node_name}, {@code port_id}, {@code
 * port_name}, {@code fabric_name}, {@code dev_loss_tmo}, {@code symbolic_name}, {@code
 * supported_classes}, {@code supported_speeds}; the names and id without their {@code 0x}, as
 * procfs strips them), and the counters of {@code statistics/} procfs knows, in Go's base-0 syntax
 * (the drivers print hex). A counter of all ones is one the adapter does not implement; it is kept
 * here, the collector leaves it out. No such directory: no hosts.
 *
 * @param hosts in name order
 */
public record SysClassFcHost(List<Host> hosts) {

  /**
   * @param attributes attribute file to its text, for every one of {@link #ATTRIBUTES}
   * @param statistics {@code statistics/} file to value (u64 wrapped into a long), those present
   */
  public record Host(String name, Map<String, String> attributes, Map<String, Long> statistics) {}

  /** The attributes procfs reads, each required. */
  public static final List<String> ATTRIBUTES =
      List.of(
          "speed",
          "port_state",
          "port_type",
          "node_name",
          "port_id",
          "port_name",
          "fabric_name",
          "dev_loss_tmo",
          "symbolic_name",
          "supported_classes",
          "supported_speeds");

  private static final Set<String> HEX_NAMES =
      Set.of("node_name", "port_id", "port_name", "fabric_name");

  /** The counters of {@code statistics/} procfs reads. */
  public static final Set<String> STATISTICS =
      Set.of(
          "dumped_frames",
          "error_frames",
          "fcp_packet_aborts",
          "invalid_tx_word_count",
          "invalid_crc_count",
          "link_failure_count",
          "loss_of_signal_count",
          "loss_of_sync_count",
          "nos_count",
          "rx_frames",
          "rx_words",
          "seconds_since_last_reset",
          "tx_frames",
          "tx_words");

  /** Reads {@code dir}, the {@code /sys/class/fc_host} directory. */
  public static SysClassFcHost read(Path dir) throws IOException {
    List<Host> hosts = new ArrayList<>();
    for (String name : SysfsFiles.list(dir)) {
      hosts.add(host(dir.resolve(name), name));
    }
    return new SysClassFcHost(List.copyOf(hosts));
  }

  /** An attribute's text as procfs keeps it: WWNs and the port id without their first 2 chars. */
  public static String attribute(String name, String content) {
    String v = SysfsFiles.label(SysfsFiles.trim(content));
    return HEX_NAMES.contains(name) && v.length() > 2 ? v.substring(2) : v;
  }

  /** A {@code statistics/} counter: unsigned, in Go's base-0 syntax. */
  public static long counter(String file, String content) {
    return SysfsFiles.anyBase(file, content, false);
  }

  private static Host host(Path dir, String name) throws IOException {
    Map<String, String> attributes = new TreeMap<>();
    for (String a : ATTRIBUTES) {
      attributes.put(a, attribute(a, SysfsFiles.read(dir.resolve(a))));
    }
    Path stats = dir.resolve("statistics");
    if (!Files.isDirectory(stats)) {
      throw new NoSuchFileException(stats.toString(), null, "no statistics directory");
    }
    Map<String, Long> statistics = new TreeMap<>();
    for (String s : SysfsFiles.list(stats)) {
      Path file = stats.resolve(s);
      if (!STATISTICS.contains(s) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      Optional<String> text = SysfsFiles.readIfPresent(file);
      if (text.isPresent()) {
        statistics.put(s, counter(file.toString(), text.get()));
      }
    }
    return new Host(
        name, Collections.unmodifiableMap(attributes), Collections.unmodifiableMap(statistics));
  }
}
