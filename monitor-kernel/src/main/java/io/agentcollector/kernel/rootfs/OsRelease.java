package io.agentcollector.kernel.rootfs;

import io.agentcollector.kernel.KernelFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  /** Where os-release may be, below the root filesystem, in the order they are tried. */
  private static final List<String> FILES = List.of("etc/os-release", "usr/lib/os-release");

  private static final char UNQUOTED = 'n';
  private static final char DOUBLE = 'd';
  private static final char SINGLE = 's';

  /** After {@code \} inside double quotes. */
  private static final char ESCAPE = 'e';

  /** The value of {@code key}, "" when absent (as node_exporter labels it). */
  public String get(String key) {
    return fields.getOrDefault(key, "");
  }

  /** The file read last, its text and what it parsed to. */
  private record Read(Path file, String content, OsRelease release) {}

  /** os-release is read every cycle and changes with an upgrade: parsed again only then. */
  private static volatile Read last;

  /**
   * The os-release of the root filesystem {@code rootfs}: {@code /etc/os-release}, else {@code
   * /usr/lib/os-release}; empty without either. Read as UTF-8, which names may hold. The same
   * instance as last time while the file reads the same.
   */
  public static Optional<OsRelease> read(Path rootfs) throws IOException {
    for (String file : FILES) {
      Path p = rootfs.resolve(file);
      Optional<String> content = KernelFiles.readIfPresent(p);
      if (content.isPresent()) {
        Read known = last;
        if (known != null && known.file().equals(p) && known.content().equals(content.get())) {
          return Optional.of(known.release());
        }
        OsRelease release = parse(p.toString(), KernelFiles.utf8(content.get()));
        last = new Read(p, content.get(), release);
        return Optional.of(release);
      }
    }
    return Optional.empty();
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
      Where at = new Where(file, i, line);
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw at.error("missing =");
      }
      String key = line.substring(0, eq).strip();
      if (key.startsWith("export ") && key.length() > 7) {
        key = key.substring(7);
      }
      if (!key.matches("[A-Za-z_][A-Za-z0-9_./]*")) {
        throw at.error("invalid key");
      }
      String value = unquote(at, line.substring(eq + 1).strip());
      if (!value.isEmpty()) {
        fields.put(key, value);
      }
    }
    return new OsRelease(Map.copyOf(fields));
  }

  private static String unquote(Where at, String raw) {
    StringBuilder out = new StringBuilder();
    int significant = 0; // length without trailing unquoted blanks, for "value # comment"
    char mode = UNQUOTED;
    for (int k = 0; k < raw.length(); k++) {
      char c = raw.charAt(k);
      if (c < 32) {
        throw at.error("control character in value");
      }
      if (mode == ESCAPE) {
        k = escape(at, raw, k, out);
        significant = out.length();
        mode = DOUBLE;
        continue;
      }
      if (mode == UNQUOTED && c == '#') {
        return out.substring(0, significant);
      }
      char next = next(mode, c);
      if (next != mode) {
        mode = next; // a quote or a backslash: not part of the value
        continue;
      }
      out.append(c);
      if (mode != UNQUOTED || c != ' ') {
        significant = out.length();
      }
    }
    if (mode != UNQUOTED) {
      throw at.error(mode == ESCAPE ? "incomplete escape" : "unmatched quote");
    }
    return out.toString();
  }

  /** The mode after {@code c}; a different one only for quotes and a backslash in "..". */
  private static char next(char mode, char c) {
    return switch (mode) {
      case UNQUOTED -> c == '"' ? DOUBLE : c == '\'' ? SINGLE : UNQUOTED;
      case DOUBLE -> c == '"' ? UNQUOTED : c == '\\' ? ESCAPE : DOUBLE;
      default -> c == '\'' ? UNQUOTED : SINGLE;
    };
  }

  /** Appends the escape whose letter is at {@code k}; returns the index of its last char. */
  private static int escape(Where at, String raw, int k, StringBuilder out) {
    char c = raw.charAt(k);
    switch (c) {
      case '"', '\\', '/' -> out.append(c);
      case 'b' -> out.append('\b');
      case 'f' -> out.append('\f');
      case 'r' -> out.append('\r');
      case 'n' -> out.append('\n');
      case 't' -> out.append('\t');
      case 'u' -> {
        if (k + 5 > raw.length() || !raw.substring(k + 1, k + 5).matches("\\p{XDigit}{4}")) {
          throw at.error("incomplete or invalid \\u escape");
        }
        out.append((char) Integer.parseInt(raw.substring(k + 1, k + 5), 16));
        return k + 4;
      }
      default -> throw at.error("invalid escape \\" + c);
    }
    return k;
  }

  /** A line of a file, for error messages. */
  private record Where(String file, int index, String line) {
    IllegalArgumentException error(String what) {
      return new IllegalArgumentException(
          file + " line " + (index + 1) + ": " + what + " in \"" + line + "\"");
    }
  }
}
