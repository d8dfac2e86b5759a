package io.agentcollector.runtime.containers;

import io.agentcollector.api.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code /proc/<pid>/net/dev} of a container's init process: its network namespace's counters.
 * Interfaces named lo*, veth*, docker* are left out, as cAdvisor does.
 */
record NetDev(List<Interface> interfaces) {

  record Interface(
      String name, long rxBytes, long rxPackets, long rxErrors, long rxDropped,
      long txBytes, long txPackets, long txErrors, long txDropped) {}

  static NetDev parse(String content) {
    if (!content.endsWith("\n")) {
      // The kernel ends every line with a newline: without one the last value may be cut short.
      throw new IllegalArgumentException("/proc/<pid>/net/dev: no newline at the end, the file is cut short");
    }
    List<Interface> out = new ArrayList<>();
    String[] lines = content.split("\n"); // one char: no regular expression
    if (lines.length < 2 || lines[1].indexOf('|') < 0) {
      throw new IllegalArgumentException("/proc/<pid>/net/dev: missing the two header lines");
    }
    for (int i = 2; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("/proc/<pid>/net/dev line " + (i + 1) + ": no ':' in \"" + line.strip() + "\"");
      }
      String name = line.substring(0, colon).strip();
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith("lo") || lower.startsWith("veth") || lower.startsWith("docker")) {
        continue; // before splitting: most containers have lo and one more
      }
      String[] f = Fields.split(line, colon + 1, line.length());
      if (f.length < 16) {
        throw new IllegalArgumentException(
            "/proc/<pid>/net/dev line " + (i + 1) + ": " + f.length + " columns, expected 16: \"" + line.strip() + "\"");
      }
      int n = i + 1;
      out.add(new Interface(name, l(f[0], n), l(f[1], n), l(f[2], n), l(f[3], n),
          l(f[8], n), l(f[9], n), l(f[10], n), l(f[11], n)));
    }
    return new NetDev(List.copyOf(out));
  }

  private static long l(String s, int line) {
    try {
      return Long.parseUnsignedLong(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("/proc/<pid>/net/dev line " + line + ": not a number: \"" + s + "\"");
    }
  }
}
