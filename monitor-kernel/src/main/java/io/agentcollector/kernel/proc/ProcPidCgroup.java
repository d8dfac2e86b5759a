package io.agentcollector.kernel.proc;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /proc/<pid>/cgroup}: {@code hierarchy-id:controllers:path} per line (man 7 cgroups). v1
 * lines name their controllers ({@code 4:memory:/docker/<id>}, {@code 1:cpu,cpuacct:/…}, {@code
 * 1:name=systemd:/…}); the v2 line has id 0 and none ({@code 0::/…}). A pure v1 host has no v2
 * line, a pure v2 host only that one, a hybrid host both.
 *
 * @param pathByController the path of each v1 controller
 * @param unifiedPath the v2 path, absent when the process is in no v2 hierarchy
 */
public record ProcPidCgroup(Map<String, String> pathByController, Optional<String> unifiedPath) {

  /**
   * The kernel appends this to the v2 path of a removed cgroup that still has a zombie member, and
   * newer kernels print it alone, on any line, for a task already gone from a hierarchy ({@code
   * 4:memory: (deleted)}): stripped from every path.
   */
  private static final String DELETED = " (deleted)";

  public static ProcPidCgroup parse(String content) {
    Map<String, String> byController = new HashMap<>();
    Optional<String> unified = Optional.empty();
    int n = 0;
    for (String line : content.split("\n")) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(":", 3);
      if (f.length != 3 || !isId(f[0])) {
        throw new IllegalArgumentException(
            "/proc/<pid>/cgroup line "
                + n
                + ": expected id:controllers:path, got \""
                + line
                + "\"");
      }
      String path =
          f[2].endsWith(DELETED) ? f[2].substring(0, f[2].length() - DELETED.length()) : f[2];
      if (f[1].isEmpty()) {
        if (f[0].equals("0")) {
          unified = Optional.of(path);
        }
        continue;
      }
      for (String controller : f[1].split(",")) {
        byController.put(controller, path);
      }
    }
    return new ProcPidCgroup(Map.copyOf(byController), unified);
  }

  /** The hierarchy id: a decimal number, as the kernel prints it. */
  private static boolean isId(String s) {
    if (s.isEmpty() || s.length() > 10) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
