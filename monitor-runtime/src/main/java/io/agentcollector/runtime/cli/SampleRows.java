package io.agentcollector.runtime.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The samples of a text exposition (0.0.4) as table rows: name, labels, value. Read from the
 * exposition client_java writes for {@code /metrics}, so every name ({@code _total}, {@code _info},
 * {@code _bucket}, {@code _count}, ...) is the one a scrape sees.
 */
final class SampleRows {

  private SampleRows() {}

  static List<String[]> of(String exposition) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"METRIC", "LABELS", "VALUE"});
    for (String line : exposition.split("\n")) {
      if (!line.isEmpty() && !line.startsWith("#")) {
        rows.add(row(line));
      }
    }
    return rows;
  }

  /** {@code name{a="x",b="y"} value [timestamp]}: labels shown as {@code a=x,b=y}, unescaped. */
  private static String[] row(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
      i++;
    }
    String name = line.substring(0, i);
    StringBuilder labels = new StringBuilder();
    if (i < line.length() && line.charAt(i) == '{') {
      i++;
      while (line.charAt(i) != '}') {
        int eq = line.indexOf('=', i);
        labels.append(labels.length() == 0 ? "" : ",").append(line, i, eq).append('=');
        i = eq + 2; // past ="
        while (line.charAt(i) != '"') {
          char c = line.charAt(i++);
          if (c == '\\') {
            char n = line.charAt(i++);
            labels.append(n == 'n' ? "\\n" : String.valueOf(n));
          } else {
            labels.append(c);
          }
        }
        i++; // past the closing quote
        if (line.charAt(i) == ',') {
          i++;
        }
      }
      i++;
    }
    String[] rest = line.substring(i).strip().split(" ");
    return new String[] {name, labels.toString(), number(rest[0])};
  }

  /**
   * Whole numbers without {@code .0} or exponent ({@code 2.15E9} as {@code 2150000000}); others as
   * written.
   */
  static String number(String v) {
    try {
      double d = Double.parseDouble(v);
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : v;
    } catch (NumberFormatException e) {
      return v; // +Inf, -Inf
    }
  }
}
