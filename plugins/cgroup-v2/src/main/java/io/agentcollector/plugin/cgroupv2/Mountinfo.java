package io.agentcollector.plugin.cgroupv2;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /proc/<pid>/mountinfo}: one mount per line, {@code id parent maj:min root mountpoint
 * options [optional fields...] - fstype source super-options}
 * (https://docs.kernel.org/filesystems/proc.html, section 3.5).
 */
record Mountinfo(List<Mount> mounts) {

  /**
   * @param root the mount's root within its file system ({@code /} unless it is a bind mount or
   *     was mounted inside a cgroup namespace)
   */
  record Mount(String root, String mountPoint, String fsType) {}

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
      // The optional fields after the 6th column end at a lone "-".
      for (int i = 6; i < f.length; i++) {
        if (f[i].equals("-")) {
          dash = i;
          break;
        }
      }
      if (dash < 0 || dash + 1 >= f.length) {
        throw new IllegalArgumentException("mountinfo line " + n + ": not a mount entry: \"" + line + "\"");
      }
      out.add(new Mount(unescape(f[3]), unescape(f[4]), f[dash + 1]));
    }
    return new Mountinfo(List.copyOf(out));
  }

  /** The kernel writes space, tab, newline and backslash in paths as three-digit octal escapes. */
  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).chars().allMatch(d -> d >= '0' && d <= '7')) {
        sb.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
