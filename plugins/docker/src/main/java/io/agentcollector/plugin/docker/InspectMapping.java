package io.agentcollector.plugin.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.ContainerState;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Docker's inspect answer → {@link ContainerInfo}. */
final class InspectMapping {

  private InspectMapping() {}

  /**
   * @param systemdDriver whether dockerd uses the systemd cgroup driver ({@code docker info}),
   *     which names a container's cgroup {@code docker-<id>.scope} instead of {@code /docker/<id>}
   */
  static ContainerInfo toInfo(InspectContainerResponse r, boolean systemdDriver) {
    var state = r.getState();
    ContainerState s = state(state == null ? null : state.getStatus());
    long pid =
        state != null && state.getPidLong() != null && s.hasProcesses() ? state.getPidLong() : 0;
    OptionalInt exit =
        state != null
                && state.getExitCodeLong() != null
                && !s.hasProcesses()
                && s != ContainerState.CREATED
            ? OptionalInt.of(state.getExitCodeLong().intValue())
            : OptionalInt.empty();
    boolean oom = state != null && Boolean.TRUE.equals(state.getOOMKilled());
    String name = r.getName() == null ? "" : r.getName().replaceFirst("^/", "");
    var config = r.getConfig();
    Map<String, String> labels =
        config == null || config.getLabels() == null ? Map.of() : config.getLabels();
    String image = config == null || config.getImage() == null ? "" : config.getImage();
    var host = r.getHostConfig();
    String parent = host == null || host.getCgroupParent() == null ? "" : host.getCgroupParent();
    String network = host == null || host.getNetworkMode() == null ? "" : host.getNetworkMode();
    String cgroup =
        systemdDriver
            ? (parent.isEmpty() ? "/system.slice" : "/" + parent.replaceFirst("^/", ""))
                + "/docker-"
                + r.getId()
                + ".scope"
            : (parent.isEmpty() ? "/docker" : parent) + "/" + r.getId();
    return new ContainerInfo(
        "docker",
        r.getId(),
        name,
        image,
        labels,
        s,
        pid,
        exit,
        oom,
        time(r.getCreated()),
        time(state == null ? null : state.getStartedAt()),
        time(state == null ? null : state.getFinishedAt()),
        cgroup,
        !network.startsWith("container:"));
  }

  static ContainerState state(String status) {
    if (status == null) {
      return ContainerState.DEAD;
    }
    return switch (status) {
      case "created" -> ContainerState.CREATED;
      case "running" -> ContainerState.RUNNING;
      case "paused" -> ContainerState.PAUSED;
      case "restarting" -> ContainerState.RESTARTING;
      case "exited", "removing" -> ContainerState.EXITED;
      default -> ContainerState.DEAD;
    };
  }

  /** Docker writes 0001-01-01T00:00:00Z for "never". */
  static Optional<Instant> time(String s) {
    if (s == null || s.isEmpty() || s.startsWith("0001-")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(s));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
