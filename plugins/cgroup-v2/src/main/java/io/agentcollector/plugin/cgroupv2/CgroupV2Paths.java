package io.agentcollector.plugin.cgroupv2;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Spellings of a container's cgroup path to try, in order. Runtimes do not always hand over the
 * path as the file system has it: runc's systemd form {@code system.slice:docker:<id>} names the
 * scope {@code docker-<id>.scope}, and a systemd slice such as {@code
 * kubepods-burstable-pod<uid>.slice} lives below each of its dash-separated parents ({@code
 * kubepods.slice/kubepods-burstable.slice/…}), per systemd.slice(5).
 */
final class CgroupV2Paths {

  private CgroupV2Paths() {}

  static List<String> candidates(String path) {
    Set<String> out = new LinkedHashSet<>();
    if (path.isBlank()) {
      return List.of();
    }
    String p = path.strip();
    String[] runc = p.split(":");
    if (runc.length == 3 && runc[0].endsWith(".slice") && !runc[0].contains("/")) {
      // runc systemd cgroupsPath "slice:prefix:name": the unit is <prefix>-<name>.scope in <slice>.
      p = "/" + runc[0] + "/" + runc[1] + "-" + runc[2] + ".scope";
    }
    p = p.startsWith("/") ? p : "/" + p;
    out.add(p);
    out.add(expandSlices(p));
    return List.copyOf(out);
  }

  /** {@code /a-b.slice/x.scope} -> {@code /a.slice/a-b.slice/x.scope}, unless already nested. */
  static String expandSlices(String path) {
    List<String> elements = new ArrayList<>();
    for (String element : path.split("/")) {
      if (element.isEmpty()) {
        continue;
      }
      if (element.endsWith(".slice")) {
        String[] parts = element.substring(0, element.length() - ".slice".length()).split("-");
        String prefix = "";
        for (int i = 0; i < parts.length - 1; i++) {
          prefix = prefix.isEmpty() ? parts[i] : prefix + "-" + parts[i];
          if (!prefix.isEmpty() && !elements.contains(prefix + ".slice")) {
            elements.add(prefix + ".slice");
          }
        }
      }
      elements.add(element);
    }
    return "/" + String.join("/", elements);
  }
}
