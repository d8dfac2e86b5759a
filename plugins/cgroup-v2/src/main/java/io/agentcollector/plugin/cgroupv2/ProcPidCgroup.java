package io.agentcollector.plugin.cgroupv2;

import java.util.Optional;

/**
 * {@code /proc/<pid>/cgroup}: {@code hierarchy-id:controllers:path} per line (man 7 cgroups). The
 * cgroup v2 line is the one with id 0 and no controllers, {@code 0::/path}; v1 lines (hybrid
 * hosts) are skipped.
 *
 * @param unifiedPath the v2 path, absent when the process is in no v2 hierarchy
 */
record ProcPidCgroup(Optional<String> unifiedPath) {

  /** The kernel appends this to the path of a removed cgroup that still has a zombie member. */
  private static final String DELETED = " (deleted)";

  static ProcPidCgroup parse(String content) {
    int n = 0;
    for (String line : content.split("\n")) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(":", 3);
      if (f.length != 3) {
        throw new IllegalArgumentException(
            "/proc/<pid>/cgroup line " + n + ": expected id:controllers:path, got \"" + line + "\"");
      }
      if (f[0].equals("0") && f[1].isEmpty()) {
        String path = f[2].endsWith(DELETED) ? f[2].substring(0, f[2].length() - DELETED.length()) : f[2];
        return new ProcPidCgroup(Optional.of(path));
      }
    }
    return new ProcPidCgroup(Optional.empty());
  }
}
