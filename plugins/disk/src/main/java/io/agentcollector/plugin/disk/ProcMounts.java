package io.agentcollector.plugin.disk;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code /proc/<pid>/mounts} (fstab format, man 5 fstab): device, mount point, type, options;
 * the kernel writes space, tab, newline and backslash in paths as octal escapes.
 */
record ProcMounts(List<Mount> mounts) {

  record Mount(String device, String mountPoint, String fsType, Set<String> options) {}

  static ProcMounts parse(String content) {
    List<Mount> out = new ArrayList<>();
    int n = 0;
    for (String line : content.split("\n")) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.strip().split("\\s+");
      if (f.length < 4) {
        throw new IllegalArgumentException("mounts line " + n + ": expected device, mount point, type and options: \"" + line + "\"");
      }
      out.add(new Mount(unescape(f[0]), unescape(f[1]), f[2], Set.of(f[3].split(","))));
    }
    return new ProcMounts(List.copyOf(out));
  }

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
