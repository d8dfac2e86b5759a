package io.agentcollector.plugin.k8slabels;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pod uid and container id in a kubelet-made cgroup path, for containers whose runtime did not
 * label them. Two layouts:
 *
 * <ul>
 *   <li>cgroupfs driver: {@code /kubepods/<qos>/pod<uid>/<id>} (no {@code <qos>} for Guaranteed);
 *   <li>systemd driver: {@code /kubepods.slice/kubepods-<qos>.slice/kubepods-<qos>-pod<uid>.slice/
 *       cri-containerd-<id>.scope}, the uid's dashes written as underscores (systemd reserves
 *       {@code -} as the slice separator); the scope prefix is {@code docker-} or {@code crio-} for
 *       those runtimes.
 * </ul>
 *
 * @param podUid the pod's uid with dashes, as in {@code metadata.uid}
 * @param containerId the container id of the last path element, empty when it is not one
 */
record CgroupPath(String podUid, Optional<String> containerId) {

  private static final Pattern POD =
      Pattern.compile(
          "kubepods.*?[/-]pod([0-9a-fA-F]{8}[-_][0-9a-fA-F]{4}[-_][0-9a-fA-F]{4}"
              + "[-_][0-9a-fA-F]{4}[-_][0-9a-fA-F]{12})(?:\\.slice)?(?:/([^/]+))?$");
  private static final Pattern SCOPE =
      Pattern.compile("(?:[a-z]+(?:-[a-z]+)*-)?([0-9a-fA-F]{12,64})(?:\\.scope)?");

  static Optional<CgroupPath> parse(String path) {
    if (path == null || path.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = POD.matcher(path);
    if (!m.find()) {
      return Optional.empty();
    }
    String uid = m.group(1).replace('_', '-').toLowerCase(java.util.Locale.ROOT);
    Matcher id = m.group(2) == null ? null : SCOPE.matcher(m.group(2));
    return Optional.of(
        new CgroupPath(
            uid, id != null && id.matches() ? Optional.of(id.group(1)) : Optional.empty()));
  }
}
