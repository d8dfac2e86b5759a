package io.agentcollector.kernel.rootfs;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code /etc/os-release} or {@code /usr/lib/os-release}: shell-style {@code KEY=value} lines with
 * optional single or double quotes
 * (https://www.freedesktop.org/software/systemd/man/os-release.html). Parsed like node_exporter's
 * parser (hashicorp/go-envparse): {@code #} comments, an optional {@code export} prefix, backslash
 * escapes inside double quotes; empty values are dropped.
 *
 * @param fields value per key
 */
public record OsRelease(Map<String, String> fields) {

  /** The value of {@code key}, "" when absent (as node_exporter labels it). */
  public String get(String key) {
    return fields.getOrDefault(key, "");
  }

  /** Parses the text of {@code file}, which error messages name. */
  public static OsRelease parse(String file, String content) {
    Map<String, String> fields = new HashMap<>();
    String[] lines = content.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw error(file, i, "missing =", line);
      }
      String key = line.substring(0, eq).strip();
      if (key.startsWith("export ") && key.length() > 7) {
        key = key.substring(7);
      }
      if (!key.matches("[A-Za-z_][A-Za-z0-9_./]*")) {
        throw error(file, i, "invalid key", line);
      }
      String value = unquote(file, i, line, line.substring(eq + 1).strip());
      if (!value.isEmpty()) {
        fields.put(key, value);
      }
    }
    return new OsRelease(Map.copyOf(fields));
  }

  private static String unquote(String file, int i, String line, String raw) {
    StringBuilder out = new StringBuilder();
    int significant = 0; // length without trailing unquoted blanks, for "value # comment"
    char mode = 'n'; // n = unquoted, d = in "..", s = in '..', e = after \ in ".."
    for (int k = 0; k < raw.length(); k++) {
      char c = raw.charAt(k);
      if (c < 32) {
        throw error(file, i, "control character in value", line);
      }
      switch (mode) {
        case 'n' -> {
          if (c == '"') {
            mode = 'd';
          } else if (c == '\'') {
            mode = 's';
          } else if (c == '#') {
            return out.substring(0, significant);
          } else {
            out.append(c);
            if (c != ' ') {
              significant = out.length();
            }
          }
        }
        case 'd' -> {
          if (c == '"') {
            mode = 'n';
          } else if (c == '\\') {
            mode = 'e';
          } else {
            out.append(c);
            significant = out.length();
          }
        }
        case 's' -> {
          if (c == '\'') {
            mode = 'n';
          } else {
            out.append(c);
            significant = out.length();
          }
        }
        default -> {
          switch (c) {
            case '"', '\\', '/' -> out.append(c);
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'r' -> out.append('\r');
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'u' -> {
              if (k + 5 > raw.length() || !raw.substring(k + 1, k + 5).matches("\\p{XDigit}{4}")) {
                throw error(file, i, "incomplete or invalid \\u escape", line);
              }
              out.append((char) Integer.parseInt(raw.substring(k + 1, k + 5), 16));
              k += 4;
            }
            default -> throw error(file, i, "invalid escape \\" + c, line);
          }
          significant = out.length();
          mode = 'd';
        }
      }
    }
    if (mode != 'n') {
      throw error(file, i, mode == 'e' ? "incomplete escape" : "unmatched quote", line);
    }
    return out.toString();
  }

  private static IllegalArgumentException error(String file, int i, String what, String line) {
    return new IllegalArgumentException(
        file + " line " + (i + 1) + ": " + what + " in \"" + line + "\"");
  }
}
