package io.agentcollector.plugin.cgroupv1;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code /proc/<pid>/mountinfo}: one mount per line, {@code id parent maj:min root mountpoint
 * options [optional fields] - fstype source super-options}
 * (https://www.kernel.org/doc/Documentation/filesystems/proc.txt, section 3.5).
 */
record Mountinfo(List<Mount> mounts) {

  /**
   * @param root the mount's root within its file system (a cgroup namespace or bind mount shows
   *     a path here)
   * @param superOptions for a v1 cgroup mount, the controllers among them ({@code rw,cpu,cpuacct})
   */
  record Mount(String root, String mountPoint, String fsType, Set<String> superOptions) {}

  static Mountinfo parse(String content) {
    List<Mount> out = new ArrayList<>();
    int n = 0;
    for (String line : content.split("\n")) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(" ");
      int dash = -1;
      for (int i = 6; i < f.length; i++) {
        if (f[i].equals("-")) {
          dash = i;
          break;
        }
      }
      if (dash < 0 || dash + 2 >= f.length) {
        throw new IllegalArgumentException("mountinfo line " + n + ": not a mount entry: \"" + line + "\"");
      }
      String superOpts = dash + 3 < f.length ? f[dash + 3] : "";
      out.add(new Mount(unescape(f[3]), unescape(f[4]), f[dash + 1], Set.copyOf(Arrays.asList(superOpts.split(",")))));
    }
    return new Mountinfo(List.copyOf(out));
  }

  /** The kernel writes space, tab, newline and backslash in paths as octal escapes. */
  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      // Only a backslash and three octal digits is an escape; anything else stays as written.
      if (c == '\\' && i + 3 < s.length() && isOctal(s, i + 1) && isOctal(s, i + 2) && isOctal(s, i + 3)) {
        sb.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
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
