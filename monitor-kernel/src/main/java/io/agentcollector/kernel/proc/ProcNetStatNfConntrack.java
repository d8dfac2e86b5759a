package io.agentcollector.kernel.proc;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code /proc/net/stat/nf_conntrack}: a header of column names, then one line of hexadecimal
 * counters per CPU (https://docs.kernel.org/networking/nf_conntrack-sysctl.html; columns in
 * net/netfilter/nf_conntrack_standalone.c). Columns are found by name, so the 6.x layout ({@code
 * clashres} and {@code chainlength} instead of {@code searched} and {@code delete_list}) parses
 * like the older one.
 *
 * @param totals per column name, the sum over all CPUs
 */
public record ProcNetStatNfConntrack(Map<String, Double> totals) {

  /** The column, summed over CPUs; 0 when this kernel does not have it. */
  public double total(String column) {
    return totals.getOrDefault(column, 0.0);
  }

  /** Parses the file's text. */
  public static ProcNetStatNfConntrack parse(String content) {
    String[] lines = content.split("\n");
    // split drops trailing empty strings: "\n\n" has no line at all.
    if (lines.length == 0 || lines[0].isBlank()) {
      throw new IllegalArgumentException("/proc/net/stat/nf_conntrack line 1: no header");
    }
    String[] header = lines[0].strip().split("\\s+");
    Map<String, Double> totals = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\\s+");
      if (f.length < header.length) {
        throw new IllegalArgumentException(
            "/proc/net/stat/nf_conntrack line "
                + (i + 1)
                + ": "
                + f.length
                + " columns, header has "
                + header.length
                + ": \""
                + line
                + "\"");
      }
      for (int c = 0; c < header.length; c++) {
        try {
          // Per-CPU counters are unsigned 32-bit hex.
          totals.merge(header[c], (double) Long.parseLong(f[c], 16), Double::sum);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "/proc/net/stat/nf_conntrack line "
                  + (i + 1)
                  + ": not a hexadecimal number \""
                  + f[c]
                  + "\"");
        }
      }
    }
    return new ProcNetStatNfConntrack(Map.copyOf(totals));
  }
}
