package io.agentcollector.plugin.containerd;

/**
 * The OCI spec's {@code linux.cgroupsPath} → the container's path in the cgroup hierarchy, the form
 * the cgroup readers and the {@code id} label use.
 *
 * <ul>
 *   <li>cgroupfs driver: already a path ({@code /kubepods/besteffort/pod<uid>/<id>}, or {@code
 *       /k8s.io/<id>} as ctr makes it); kept. A relative path gets a leading slash.
 *   <li>systemd driver: {@code slice:prefix:name}, e.g. {@code
 *       kubepods-besteffort-pod<uid>.slice:cri-containerd:<id>}. systemd nests a slice under every
 *       dash-separated prefix of its name, and runc puts the container in the scope unit {@code
 *       <prefix>-<name>.scope} of that slice, so this becomes {@code
 *       /kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod<uid>.slice/cri-containerd-<id>.scope}.
 *   <li>empty: empty (the readers then look at {@code /proc/<pid>/cgroup}).
 * </ul>
 */
final class CgroupsPath {

  private CgroupsPath() {}

  static String toHierarchyPath(String cgroupsPath) {
    if (cgroupsPath == null || cgroupsPath.isBlank()) {
      return "";
    }
    String p = cgroupsPath.strip();
    if (p.startsWith("/")) {
      return p;
    }
    String[] parts = p.split(":", -1);
    if (parts.length != 3) {
      return "/" + p;
    }
    String slice = parts[0].isEmpty() ? "system.slice" : parts[0];
    String prefix = parts[1];
    String name = parts[2];
    String parent = expandSlice(slice);
    if (name.isEmpty()) {
      return parent;
    }
    // runc: a name that is itself a slice is created as that slice, anything else as a scope.
    String unit =
        name.endsWith(".slice") ? name : (prefix.isEmpty() ? name : prefix + "-" + name) + ".scope";
    return (parent.equals("/") ? "" : parent) + "/" + unit;
  }

  /**
   * {@code a-b-c.slice} → {@code /a.slice/a-b.slice/a-b-c.slice}; the root slice {@code -.slice} →
   * {@code /}. A name systemd would reject (no .slice suffix, empty dash parts, a slash) is kept as
   * one level rather than guessed at.
   */
  static String expandSlice(String slice) {
    if (slice.equals("-.slice")) {
      return "/";
    }
    if (!slice.endsWith(".slice") || slice.contains("/")) {
      return "/" + slice;
    }
    String stem = slice.substring(0, slice.length() - ".slice".length());
    if (stem.isEmpty() || stem.startsWith("-") || stem.endsWith("-") || stem.contains("--")) {
      return "/" + slice;
    }
    StringBuilder path = new StringBuilder();
    int dash = -1;
    do {
      dash = stem.indexOf('-', dash + 1);
      String level = dash < 0 ? stem : stem.substring(0, dash);
      path.append('/').append(level).append(".slice");
    } while (dash >= 0);
    return path.toString();
  }
}
