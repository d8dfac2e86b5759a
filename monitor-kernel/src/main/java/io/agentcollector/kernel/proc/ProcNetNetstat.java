package io.agentcollector.kernel.proc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /proc/net/netstat} or {@code /proc/net/snmp}: pairs of lines, {@code Proto: Name1 Name2
 * ...} then {@code Proto: v1 v2 ...} (https://docs.kernel.org/networking/snmp_counter.html). Values
 * are kept raw (a few, like Tcp MaxConn, are -1).
 *
 * @param protocols per protocol ({@code TcpExt}, {@code Ip}, ...), value per field, in file order
 */
public record ProcNetNetstat(Map<String, Map<String, Double>> protocols) {

  /** Parses the text of {@code file} ({@code /proc/net/netstat} or {@code /proc/net/snmp}). */
  public static ProcNetNetstat parse(String file, String content) {
    Map<String, Map<String, Double>> protocols = new LinkedHashMap<>();
    String[] lines = content.strip().split("\n");
    if (lines.length == 1 && lines[0].isBlank()) {
      return new ProcNetNetstat(Map.of());
    }
    if (lines.length % 2 != 0) {
      throw new IllegalArgumentException(
          file + ": " + lines.length + " lines, expected pairs of name and value lines");
    }
    for (int i = 0; i < lines.length; i += 2) {
      String[] names = lines[i].strip().split("\\s+");
      String[] values = lines[i + 1].strip().split("\\s+");
      Map<String, Double> fields = pair(file, i, names, values); // checks names[0] ends with ':'
      protocols.put(names[0].substring(0, names[0].length() - 1), fields);
    }
    return new ProcNetNetstat(protocols);
  }

  /** The fields of the name line {@code i} and the value line after it. */
  private static Map<String, Double> pair(String file, int i, String[] names, String[] values) {
    String lines = file + " lines " + (i + 1) + "-" + (i + 2) + ": ";
    if (!names[0].endsWith(":") || !names[0].equals(values[0])) {
      throw new IllegalArgumentException(
          lines + "protocol \"" + names[0] + "\" and \"" + values[0] + "\" do not pair up");
    }
    if (names.length != values.length) {
      throw new IllegalArgumentException(
          lines
              + (names.length - 1)
              + " names but "
              + (values.length - 1)
              + " values for "
              + names[0]);
    }
    Map<String, Double> fields = new LinkedHashMap<>();
    for (int k = 1; k < names.length; k++) {
      try {
        fields.put(names[k], Double.parseDouble(values[k]));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            file
                + " line "
                + (i + 2)
                + ": not a number \""
                + values[k]
                + "\" for "
                + names[0]
                + " "
                + names[k]);
      }
    }
    return fields;
  }
}
