package io.agentcollector.plugin.containerd;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.protobuf.Any;
import com.google.protobuf.Timestamp;
import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.ContainerState;
import io.agentcollector.plugin.containerd.api.containers.Container;
import io.agentcollector.plugin.containerd.api.types.Process;
import io.agentcollector.plugin.containerd.api.types.Status;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** containerd's container records and tasks → {@link ContainerInfo}. */
final class ContainerMapping {

  static final String RUNTIME = "containerd";
  static final String KIND = "io.cri-containerd.kind";

  private ContainerMapping() {}

  /**
   * What does not change while a container exists (containerd's container record).
   *
   * @param namespace the containerd namespace it lives in
   * @param cgroupPath its path in the cgroup hierarchy, or empty
   * @param ownNetwork false when its spec joins an existing network namespace
   */
  record Meta(
      String namespace,
      String id,
      String name,
      String image,
      Map<String, String> labels,
      Optional<Instant> createdAt,
      String cgroupPath,
      boolean ownNetwork) {}

  /**
   * The state of a container's task (its init process) as last seen.
   *
   * @param exitStatus set once it has stopped
   * @param startedAt when its task started, known from a {@code /tasks/start} event only
   * @param oomKilled whether a {@code /tasks/oom} event came since it started
   */
  record Task(
      Status status,
      long pid,
      OptionalInt exitStatus,
      Optional<Instant> exitedAt,
      Optional<Instant> startedAt,
      boolean oomKilled) {

    static Task started(long pid, Optional<Instant> at) {
      return new Task(Status.RUNNING, pid, OptionalInt.empty(), Optional.empty(), at, false);
    }

    Task withStatus(Status s) {
      return new Task(s, pid, exitStatus, exitedAt, startedAt, oomKilled);
    }

    Task exited(int status, Optional<Instant> at) {
      return new Task(
          Status.STOPPED, 0, OptionalInt.of(status), at.or(() -> exitedAt), startedAt, oomKilled);
    }

    /**
     * Its task vanished while we did not watch (deleted during an outage): stopped, exit unknown.
     */
    Task gone() {
      return status == Status.STOPPED
          ? this
          : new Task(Status.STOPPED, 0, OptionalInt.empty(), exitedAt, startedAt, oomKilled);
    }

    Task oom() {
      return new Task(status, pid, exitStatus, exitedAt, startedAt, true);
    }
  }

  static Meta meta(String namespace, Container c) {
    Map<String, String> labels = new HashMap<>(c.getLabelsMap());
    boolean sandbox = "sandbox".equals(labels.get(KIND));
    Spec spec = Spec.of(c.hasSpec() ? c.getSpec() : null);
    // cAdvisor's containerd handler reports only the Kubernetes sandbox's network: app containers
    // join the sandbox's namespace (CRI even pre-creates the sandbox's own and joins it by path).
    // A container with a namespace of its own (ctr, nerdctl) reports it too; one on the host's
    // network (no network namespace in its spec, hostNetwork pods) does not, or every such
    // container would repeat the host's interfaces.
    boolean ownNetwork = sandbox || spec.network() == Network.OWN;
    // containerd has no container names: cAdvisor (and so kubelet) names it by its id.
    return new Meta(
        namespace,
        c.getId(),
        c.getId(),
        c.getImage(),
        labels,
        time(c.hasCreatedAt() ? c.getCreatedAt() : null),
        CgroupsPath.toHierarchyPath(spec.cgroupsPath()),
        ownNetwork);
  }

  /** A task as listed by Tasks/List or Tasks/Get. */
  static Task task(Process p, Optional<Instant> startedAt, boolean oomKilled) {
    boolean stopped = p.getStatus() == Status.STOPPED;
    return new Task(
        p.getStatus(),
        stopped ? 0 : p.getPid(),
        stopped ? OptionalInt.of(p.getExitStatus()) : OptionalInt.empty(),
        stopped ? time(p.hasExitedAt() ? p.getExitedAt() : null) : Optional.empty(),
        startedAt,
        oomKilled);
  }

  /**
   * @param task empty when the container has no task: never started, or its task was deleted unseen
   */
  static ContainerInfo toInfo(Meta m, Optional<Task> task) {
    ContainerState state = task.map(t -> state(t.status())).orElse(ContainerState.CREATED);
    long pid = task.isPresent() && state.hasProcesses() ? task.get().pid() : 0;
    OptionalInt exit =
        task.isPresent() && state == ContainerState.EXITED
            ? task.get().exitStatus()
            : OptionalInt.empty();
    return new ContainerInfo(
        RUNTIME,
        m.id(),
        m.name(),
        m.image(),
        m.labels(),
        state,
        pid,
        exit,
        task.map(Task::oomKilled).orElse(false),
        m.createdAt(),
        task.flatMap(Task::startedAt),
        state == ContainerState.EXITED ? task.flatMap(Task::exitedAt) : Optional.empty(),
        m.cgroupPath(),
        m.ownNetwork());
  }

  /**
   * Task status → the agent's states: pausing still has its processes (freezing), so it is reported
   * as paused; stopped = exited; unknown (the shim does not answer) = dead.
   */
  static ContainerState state(Status s) {
    return switch (s) {
      case CREATED -> ContainerState.CREATED;
      case RUNNING -> ContainerState.RUNNING;
      case PAUSED, PAUSING -> ContainerState.PAUSED;
      case STOPPED -> ContainerState.EXITED;
      default -> ContainerState.DEAD;
    };
  }

  /** Go writes its zero time (year 1) for "never"; proto3 leaves an unset timestamp at 1970. */
  static Optional<Instant> time(Timestamp t) {
    if (t == null || t.getSeconds() <= 0) {
      return Optional.empty();
    }
    return Optional.of(Instant.ofEpochSecond(t.getSeconds(), t.getNanos()));
  }

  /** How a container's spec sets up its network namespace. */
  enum Network {
    /** A namespace of its own (a {@code network} entry without a path). */
    OWN,
    /** Another one's, joined by path. */
    JOINED,
    /** The host's (no {@code network} entry), or unknown. */
    HOST
  }

  /** The two facts read from the OCI runtime spec (JSON in the Any's value). */
  record Spec(String cgroupsPath, Network network) {

    static Spec of(Any spec) {
      if (spec == null || spec.getValue().isEmpty()) {
        return new Spec("", Network.HOST);
      }
      try {
        JsonElement root = JsonParser.parseString(spec.getValue().toStringUtf8());
        if (!root.isJsonObject()
            || !root.getAsJsonObject().has("linux")
            || !root.getAsJsonObject().get("linux").isJsonObject()) {
          return new Spec("", Network.HOST);
        }
        JsonObject linux = root.getAsJsonObject().getAsJsonObject("linux");
        String cgroups =
            linux.has("cgroupsPath") && linux.get("cgroupsPath").isJsonPrimitive()
                ? linux.get("cgroupsPath").getAsString()
                : "";
        Network network = Network.HOST;
        if (linux.has("namespaces") && linux.get("namespaces").isJsonArray()) {
          for (JsonElement ns : linux.getAsJsonArray("namespaces")) {
            if (ns.isJsonObject() && "network".equals(string(ns.getAsJsonObject(), "type"))) {
              network =
                  string(ns.getAsJsonObject(), "path").isEmpty() ? Network.OWN : Network.JOINED;
            }
          }
        }
        return new Spec(cgroups, network);
      } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
        // Not JSON (another runtime's spec type): no cgroup path, the readers use
        // /proc/<pid>/cgroup.
        return new Spec("", Network.HOST);
      }
    }

    private static String string(JsonObject o, String key) {
      JsonElement e = o.get(key);
      return e != null && e.isJsonPrimitive() ? e.getAsString() : "";
    }
  }
}
