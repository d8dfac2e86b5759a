package io.agentcollector.kernel.sys;

import io.agentcollector.kernel.Fields;
import io.agentcollector.kernel.KernelFiles;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the parsers of sysfs class directories ({@code /sys/class/thermal}, {@code
 * /sys/class/power_supply}, {@code /sys/class/infiniband}, ...) share: listing a directory in name
 * order (Go's {@code filepath.Glob} and {@code os.ReadDir} order, so output is stable), reading one
 * attribute trimmed as Go's {@code strings.TrimSpace}, and its numbers with rejections that name
 * the file and the value. A directory that does not exist lists as empty: one failed {@code
 * opendir}, which is all a host without the hardware pays.
 */
public final class SysfsFiles {

  /** An attribute is one value; anything longer is not one. */
  private static final int MAX_BYTES = 64 * 1024;

  private SysfsFiles() {}

  /** The names in {@code dir}, sorted; empty when it does not exist or is no directory. */
  public static List<String> list(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        names.add(p.getFileName().toString());
      }
    } catch (NoSuchFileException | NotDirectoryException e) {
      return List.of();
    }
    names.sort(null);
    return names;
  }

  /**
   * The names in {@code dir} that are {@code prefix} and a digit, like the glob {@code p[0-9]*}.
   */
  public static List<String> numbered(Path dir, String prefix) throws IOException {
    List<String> names = list(dir);
    List<String> out = new ArrayList<>(names.size());
    for (String n : names) {
      if (isNumbered(n, prefix)) {
        out.add(n);
      }
    }
    return out;
  }

  /** Whether {@code name} is {@code prefix} followed by an ASCII digit (and anything after). */
  public static boolean isNumbered(String name, String prefix) {
    return name.length() > prefix.length()
        && name.startsWith(prefix)
        && isDigit(name.charAt(prefix.length()));
  }

  /** The leading digits of {@code s} from {@code from}: {@code mc12x} from 2 is {@code 12}. */
  public static String digitsAt(String s, int from) {
    int i = from;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    return s.substring(from, i);
  }

  /**
   * An attribute that must be there, trimmed; a missing or unreadable one throws (the collector
   * fails naming it), as node_exporter fails on it.
   */
  public static String read(Path file) throws IOException {
    return trim(KernelFiles.read(file, MAX_BYTES));
  }

  /**
   * An attribute a driver may lack or refuse: empty when missing (ENOENT), unreadable (EACCES, the
   * root-only files), refused (EINVAL, EOPNOTSUPP, ENODEV, ENODATA) or a directory; other I/O
   * errors throw.
   */
  public static Optional<String> readIfPresent(Path file) throws IOException {
    try {
      return Optional.of(read(file));
    } catch (NoSuchFileException | AccessDeniedException e) {
      return Optional.empty();
    } catch (FileSystemException e) {
      if (isRefusal(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Whether the kernel refused the read (EINVAL, EOPNOTSUPP, ENODEV, ENODATA, a directory). */
  public static boolean isRefusal(FileSystemException e) {
    String reason = String.valueOf(e.getReason());
    return reason.contains("Invalid argument")
        || reason.contains("not supported")
        || reason.contains("No such device")
        || reason.contains("No data available")
        || reason.contains("Is a directory")
        || reason.contains("not a regular file");
  }

  /** Go's {@code strings.TrimSpace} for the bytes a kernel file holds (ASCII blanks). */
  public static String trim(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && Fields.isSpace(s.charAt(from))) {
      from++;
    }
    while (to > from && Fields.isSpace(s.charAt(to - 1))) {
      to--;
    }
    return s.substring(from, to);
  }

  /**
   * Text a driver chose (a model name, a serial number) as UTF-8, each run of invalid bytes one
   * U+FFFD, as Go's {@code strings.ToValidUTF8(s, "\uFFFD")} that node_exporter applies to labels.
   */
  public static String label(String read) {
    String decoded = KernelFiles.utf8(read);
    if (decoded.indexOf('\uFFFD') < 0) {
      return decoded;
    }
    StringBuilder b = new StringBuilder(decoded.length());
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      if (c != '\uFFFD' || b.length() == 0 || b.charAt(b.length() - 1) != '\uFFFD') {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** A signed decimal (Go's {@code ParseInt(s, 10, 64)}), trimmed. */
  public static long decimal(String file, String content) {
    String s = trim(content);
    int start = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
    if (s.length() == start || !allDigits(s, start, 10)) {
      throw notANumber(file, s);
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw notANumber(file, s);
    }
  }

  /** An unsigned decimal up to 2^64-1 (Go's {@code ParseUint(s, 10, 64)}), wrapped into a long. */
  public static long unsigned(String file, String content) {
    String s = trim(content);
    if (s.isEmpty() || !allDigits(s, 0, 10)) {
      throw notANumber(file, s);
    }
    try {
      return Long.parseUnsignedLong(s);
    } catch (NumberFormatException e) {
      throw notANumber(file, s);
    }
  }

  /**
   * A number in the base its prefix says, as Go's {@code ParseInt/ParseUint(s, 0, 64)} that procfs
   * uses for fc_host, infiniband and power_supply attributes: {@code 0x} hex, {@code 0b} binary,
   * {@code 0o} or a leading {@code 0} octal, else decimal. Unsigned values wrap into a long.
   */
  public static long anyBase(String file, String content, boolean signed) {
    String s = trim(content);
    int i = 0;
    boolean negative = false;
    if (signed && (s.startsWith("-") || s.startsWith("+"))) {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    int radix = 10;
    if (s.length() > i + 1 && s.charAt(i) == '0') {
      char p = Character.toLowerCase(s.charAt(i + 1));
      radix = p == 'x' ? 16 : p == 'b' ? 2 : 8;
      i += p == 'x' || p == 'b' || p == 'o' ? 2 : 1;
    }
    if (i == s.length() || !allDigits(s, i, radix)) {
      throw notANumber(file, s);
    }
    try {
      if (!signed) {
        return Long.parseUnsignedLong(s, i, s.length(), radix);
      }
      // With its sign, so that the most negative value parses too.
      return Long.parseLong((negative ? "-" : "") + s.substring(i), radix);
    } catch (NumberFormatException e) {
      throw notANumber(file, s);
    }
  }

  private static boolean allDigits(String s, int from, int radix) {
    for (int i = from; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), radix) < 0 || s.charAt(i) > 'z') {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static IllegalArgumentException notANumber(String file, String value) {
    return new IllegalArgumentException(file + ": not a number: \"" + value + "\"");
  }
}
