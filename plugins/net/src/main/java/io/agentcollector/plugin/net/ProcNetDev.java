package io.agentcollector.plugin.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /proc/net/dev}: two header lines naming the receive and transmit columns, then {@code
 * iface: values…}. Column names come from the header, so a kernel that adds one does not shift
 * the others. Every line must have a value per column (16 on every kernel since 2.6) and the file
 * its final newline; anything less was cut short.
 */
record ProcNetDev(List<Device> devices) {

  /** One interface: counters by direction-qualified name, e.g. {@code receive_bytes}. */
  record Device(String name, Map<String, Long> counters) {}

  static ProcNetDev parse(String content) {
    if (!content.isEmpty() && !content.endsWith("\n")) {
      // The kernel ends every line with a newline: without one the last value may be cut short.
      throw new IllegalArgumentException("/proc/net/dev: no newline at the end, the file is cut short");
    }
    String[] lines = content.split("\n");
    if (lines.length < 2 || !lines[1].contains("|")) {
      throw new IllegalArgumentException("/proc/net/dev: missing the two header lines");
    }
    String[] groups = lines[1].split("\\|");
    if (groups.length < 3) {
      throw new IllegalArgumentException("/proc/net/dev: header has no receive|transmit columns: \"" + lines[1] + "\"");
    }
    List<String> columns = new ArrayList<>();
    for (String c : groups[1].strip().split("\\s+")) {
      columns.add("receive_" + c);
    }
    for (String c : groups[2].strip().split("\\s+")) {
      columns.add("transmit_" + c);
    }
    List<Device> out = new ArrayList<>();
    for (int i = 2; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("/proc/net/dev line " + (i + 1) + ": no ':' in \"" + line + "\"");
      }
      String[] values = line.substring(colon + 1).strip().split("\\s+");
      if (values.length != columns.size()) {
        throw new IllegalArgumentException("/proc/net/dev line " + (i + 1) + ": " + values.length
            + " values for " + columns.size() + " columns: \"" + line + "\"");
      }
      Map<String, Long> counters = new LinkedHashMap<>();
      for (int c = 0; c < values.length; c++) {
        try {
          counters.put(columns.get(c), Long.parseUnsignedLong(values[c]));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("/proc/net/dev line " + (i + 1) + ": not a number: \"" + values[c] + "\"");
        }
      }
      out.add(new Device(line.substring(0, colon).strip(), counters));
    }
    return new ProcNetDev(List.copyOf(out));
  }
}
