package io.agentcollector.api.container;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a container runtime knows about one container.
 *
 * @param runtime the runtime's name, e.g. {@code docker}
 * @param id the full container id
 * @param name the runtime's name for it (Docker: without the leading slash), or empty
 * @param image the image reference the container was created from
 * @param labels the container's runtime labels (Kubernetes' {@code io.kubernetes.*} among them)
 * @param state lifecycle state
 * @param pid the init process id on the host, 0 when not running
 * @param exitCode exit code once the container has exited
 * @param oomKilled whether the kernel's OOM killer ended it
 * @param createdAt creation time
 * @param startedAt last start time
 * @param finishedAt last exit time
 * @param cgroupPath the container's cgroup relative to the hierarchy root (e.g. {@code
 *     /docker/<id>}), or empty when the stats reader must find it from {@code /proc/<pid>/cgroup}
 * @param ownNetwork false when it shares another container's network namespace
 */
public record ContainerInfo(
    String runtime,
    String id,
    String name,
    String image,
    Map<String, String> labels,
    ContainerState state,
    long pid,
    OptionalInt exitCode,
    boolean oomKilled,
    Optional<Instant> createdAt,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt,
    String cgroupPath,
    boolean ownNetwork) {

  public ContainerInfo {
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(id, "id");
    name = name == null ? "" : name;
    image = image == null ? "" : image;
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    Objects.requireNonNull(state, "state");
    exitCode = exitCode == null ? OptionalInt.empty() : exitCode;
    createdAt = createdAt == null ? Optional.empty() : createdAt;
    startedAt = startedAt == null ? Optional.empty() : startedAt;
    finishedAt = finishedAt == null ? Optional.empty() : finishedAt;
    cgroupPath = cgroupPath == null ? "" : cgroupPath;
  }

  /** A running container with the usual defaults, for tests and simple runtimes. */
  public static ContainerInfo running(
      String runtime, String id, String name, String image, long pid, String cgroupPath) {
    return new ContainerInfo(
        runtime,
        id,
        name,
        image,
        Map.of(),
        ContainerState.RUNNING,
        pid,
        OptionalInt.empty(),
        false,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        cgroupPath,
        true);
  }

  public ContainerInfo withState(
      ContainerState s, OptionalInt exit, boolean oom, Optional<Instant> finished) {
    return new ContainerInfo(
        runtime,
        id,
        name,
        image,
        labels,
        s,
        s.hasProcesses() ? pid : 0,
        exit,
        oom,
        createdAt,
        startedAt,
        finished,
        cgroupPath,
        ownNetwork);
  }

  public ContainerInfo withLabels(Map<String, String> newLabels) {
    return new ContainerInfo(
        runtime,
        id,
        name,
        image,
        newLabels,
        state,
        pid,
        exitCode,
        oomKilled,
        createdAt,
        startedAt,
        finishedAt,
        cgroupPath,
        ownNetwork);
  }

  public ContainerKey key() {
    return new ContainerKey(runtime, id);
  }
}
