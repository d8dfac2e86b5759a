package io.agentcollector.plugin.disk;

import io.agentcollector.api.Fields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code /proc/<pid>/mounts} (proc(5), fields as in fstab(5)): device, mount point, fs type,
 * options, then two ignored fields. Only the escapes {@code \040} (space) and {@code \011} (tab)
 * of the mount point are decoded and the device is kept as written, exactly as node_exporter does,
 * so labels match its output.
 */
record ProcMounts(List<Mount> mounts) {

  record Mount(String device, String mountPoint, String fsType, Set<String> options) {

    boolean readOnly() {
      return options.contains("ro");
    }
  }

  static ProcMounts parse(String file, String content) {
    List<Mount> out = new ArrayList<>();
    String[] lines = content.split("\n");
    for (int n = 1; n <= lines.length; n++) {
      String line = lines[n - 1].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = Fields.split(line);
      if (f.length < 4) {
        throw new IllegalArgumentException(file + " line " + n
            + ": expected device, mount point, type and options: \"" + line + "\"");
      }
      String mountPoint = f[1].replace("\\040", " ").replace("\\011", "\t");
      out.add(new Mount(f[0], mountPoint, f[2], Set.copyOf(Arrays.asList(f[3].split(",")))));
    }
    return new ProcMounts(List.copyOf(out));
  }
}
