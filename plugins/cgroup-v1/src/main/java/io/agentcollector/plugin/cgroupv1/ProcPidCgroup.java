package io.agentcollector.plugin.cgroupv1;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code /proc/<pid>/cgroup}: {@code hierarchy-id:controllers:path} per line (man 7 cgroups).
 * v1 lines name their controllers ({@code 4:memory:/docker/<id>}, {@code 1:cpu,cpuacct:/…});
 * the v2 line ({@code 0::/…}) has none and is ignored here.
 */
record ProcPidCgroup(Map<String, String> pathByController) {

  static ProcPidCgroup parse(String content) {
    Map<String, String> out = new HashMap<>();
    int n = 0;
    for (String line : content.split("\n")) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(":", 3);
      if (f.length != 3) {
        throw new IllegalArgumentException("/proc/<pid>/cgroup line " + n + ": expected id:controllers:path, got \"" + line + "\"");
      }
      if (f[1].isEmpty()) {
        continue;
      }
      for (String controller : f[1].split(",")) {
        out.put(controller, f[2]);
      }
    }
    return new ProcPidCgroup(Map.copyOf(out));
  }
}
