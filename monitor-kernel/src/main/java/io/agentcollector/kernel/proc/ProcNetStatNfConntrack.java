package io.agentcollector.kernel.proc;

import io.agentcollector.kernel.Cursor;
import io.agentcollector.kernel.Names;
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

  /** Column names: about 17, the same every cycle. */
  private static final Names NAMES = new Names(32);

  /** Parses the file's text. */
  public static ProcNetStatNfConntrack parse(String content) {
    Cursor c = new Cursor(content);
    if (!c.nextLine() || c.isBlank()) {
      throw new IllegalArgumentException("/proc/net/stat/nf_conntrack line 1: no header");
    }
    // Each column's name, and its slot among the distinct names: a name twice sums both columns.
    String[] names = new String[c.fieldsLeft()];
    int[] slot = new int[names.length];
    int distinct = 0;
    for (int i = 0; i < names.length; i++) {
      c.nextField();
      names[i] = c.field(NAMES);
      int s = 0;
      while (s < i && !names[s].equals(names[i])) {
        s++;
      }
      slot[i] = s < i ? slot[s] : distinct++;
    }
    double[] totals = new double[distinct];
    boolean any = false;
    while (c.nextLine()) {
      if (c.isBlank()) {
        continue;
      }
      if (c.fieldsLeft() < names.length) {
        throw new IllegalArgumentException(
            "/proc/net/stat/nf_conntrack line "
                + c.lineNumber()
                + ": "
                + c.fieldsLeft()
                + " columns, header has "
                + names.length
                + ": \""
                + c.line()
                + "\"");
      }
      for (int i = 0; i < names.length; i++) {
        c.nextField();
        try {
          // Per-CPU counters are unsigned 32-bit hex.
          totals[slot[i]] += (double) c.longValue(16);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "/proc/net/stat/nf_conntrack line "
                  + c.lineNumber()
                  + ": not a hexadecimal number \""
                  + c.field()
                  + "\"");
        }
      }
      any = true;
    }
    Map<String, Double> out = new HashMap<>();
    for (int i = 0; any && i < names.length; i++) {
      out.put(names[i], totals[slot[i]]);
    }
    return new ProcNetStatNfConntrack(Map.copyOf(out));
  }
}
