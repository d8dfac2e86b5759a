package io.agentcollector.kernel.proc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code /proc/<pid>/mountinfo}: one mount per line, {@code id parent maj:min root mountpoint
 * options [optional fields...] - fstype source super-options}
 * (https://docs.kernel.org/filesystems/proc.html, 3.5). A line needs the six fields before the
 * optional ones, the {@code -} that ends them, and the file system type and source after it; the
 * super options may be missing. Space, tab, newline and backslash in the root and mount point are
 * the kernel's three-digit octal escapes ({@code \040}), decoded here.
 */
public record ProcMountinfo(List<Mount> mounts) {

  /**
   * @param root the mount's root within its file system ({@code /} unless it is a bind mount or was
   *     mounted inside a cgroup namespace)
   * @param superOptions for a v1 cgroup mount, the controllers among them ({@code rw,cpu,cpuacct})
   */
  public record Mount(String root, String mountPoint, String fsType, Set<String> superOptions) {}

  private static final String FILE = "/proc/<pid>/mountinfo";

  public static ProcMountinfo parse(String content) {
    List<Mount> out = new ArrayList<>();
    int n = 0;
    for (String line : content.split("\n")) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(" ");
      int dash = -1;
      // The optional fields after the 6th column end at a lone "-".
      for (int i = 6; i < f.length; i++) {
        if (f[i].equals("-")) {
          dash = i;
          break;
        }
      }
      if (dash < 0 || dash + 2 >= f.length) {
        throw new IllegalArgumentException(
            FILE + " line " + n + ": not a mount entry: \"" + line + "\"");
      }
      String superOptions = dash + 3 < f.length ? f[dash + 3] : "";
      out.add(
          new Mount(
              unescape(f[3]),
              unescape(f[4]),
              f[dash + 1],
              Set.copyOf(Arrays.asList(superOptions.split(",")))));
    }
    return new ProcMountinfo(List.copyOf(out));
  }

  /** The kernel writes space, tab, newline and backslash in paths as three-digit octal escapes. */
  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      // Only a backslash and three octal digits is an escape; anything else stays as written.
      if (c == '\\'
          && i + 3 < s.length()
          && isOctal(s, i + 1)
          && isOctal(s, i + 2)
          && isOctal(s, i + 3)) {
        sb.append((char) Integer.parseInt(s, i + 1, i + 4, 8));
        i += 3;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean isOctal(String s, int i) {
    char c = s.charAt(i);
    return c >= '0' && c <= '7';
  }
}
