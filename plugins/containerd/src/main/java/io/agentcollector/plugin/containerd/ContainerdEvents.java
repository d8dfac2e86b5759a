package io.agentcollector.plugin.containerd;

import com.google.protobuf.Timestamp;
import io.agentcollector.plugin.containerd.ContainerMapping.Task;
import io.agentcollector.plugin.containerd.api.events.ContainerCreate;
import io.agentcollector.plugin.containerd.api.events.ContainerDelete;
import io.agentcollector.plugin.containerd.api.events.ContainerUpdate;
import io.agentcollector.plugin.containerd.api.events.Envelope;
import io.agentcollector.plugin.containerd.api.events.TaskDelete;
import io.agentcollector.plugin.containerd.api.events.TaskExit;
import io.agentcollector.plugin.containerd.api.events.TaskOOM;
import io.agentcollector.plugin.containerd.api.events.TaskPaused;
import io.agentcollector.plugin.containerd.api.events.TaskResumed;
import io.agentcollector.plugin.containerd.api.events.TaskStart;
import io.agentcollector.plugin.containerd.api.types.Status;
import java.time.Instant;
import java.util.Optional;

/**
 * containerd's container and task events ({@code /containers/create|update|delete}, {@code
 * /tasks/start|exit|oom|paused|resumed|delete}) applied to the {@link ContainerCache}. Events of
 * namespaces not watched are dropped; others are ignored.
 */
final class ContainerdEvents {

  private final ContainerdConfig config;
  private final ContainerdClient client;
  private final ContainerCache cache;

  ContainerdEvents(ContainerdConfig config, ContainerdClient client, ContainerCache cache) {
    this.config = config;
    this.client = client;
    this.cache = cache;
  }

  /** Applies one event; a new or changed container is looked up (its labels and spec). */
  void apply(Envelope e) throws com.google.protobuf.InvalidProtocolBufferException {
    String ns = e.getNamespace();
    if (!config.watches(ns)) {
      return;
    }
    var any = e.getEvent();
    // containerd 1.x names its event types without a host ("containerd.events.TaskExit"), which
    // protobuf's Any.is/unpack reject: compare the name after any '/' ourselves.
    String type = any.getTypeUrl().substring(any.getTypeUrl().lastIndexOf('/') + 1);
    Optional<Instant> at = ContainerMapping.time(e.hasTimestamp() ? e.getTimestamp() : null);
    if (type.equals(ContainerCreate.getDescriptor().getFullName())) {
      lookUp(ns, ContainerCreate.parseFrom(any.getValue()).getId());
    } else if (type.equals(ContainerUpdate.getDescriptor().getFullName())) {
      // Labels (ctr containers label, nerdctl) or image changed.
      lookUp(ns, ContainerUpdate.parseFrom(any.getValue()).getId());
    } else if (type.equals(ContainerDelete.getDescriptor().getFullName())) {
      cache.remove(ContainerCache.key(ns, ContainerDelete.parseFrom(any.getValue()).getId()));
    } else if (type.equals(TaskStart.getDescriptor().getFullName())) {
      TaskStart t = TaskStart.parseFrom(any.getValue());
      String key = ContainerCache.key(ns, t.getContainerId());
      cache.putTask(key, Task.started(t.getPid(), at));
      if (!cache.has(key)) {
        // Created before we subscribed and after the last list: fetch it now.
        client
            .container(ns, t.getContainerId())
            .ifPresent(c -> cache.putMetaIfAbsent(key, ContainerMapping.meta(ns, c)));
      }
    } else if (type.equals(TaskExit.getDescriptor().getFullName())) {
      TaskExit t = TaskExit.parseFrom(any.getValue());
      ended(
          ns,
          t.getContainerId(),
          t.getId(),
          t.getExitStatus(),
          t.hasExitedAt() ? t.getExitedAt() : null);
    } else if (type.equals(TaskDelete.getDescriptor().getFullName())) {
      // The task is gone but the container stays: keep showing how it ended.
      TaskDelete t = TaskDelete.parseFrom(any.getValue());
      ended(
          ns,
          t.getContainerId(),
          t.getId(),
          t.getExitStatus(),
          t.hasExitedAt() ? t.getExitedAt() : null);
    } else if (type.equals(TaskOOM.getDescriptor().getFullName())) {
      cache.updateTask(
          ContainerCache.key(ns, TaskOOM.parseFrom(any.getValue()).getContainerId()), Task::oom);
    } else if (type.equals(TaskPaused.getDescriptor().getFullName())) {
      cache.updateTask(
          ContainerCache.key(ns, TaskPaused.parseFrom(any.getValue()).getContainerId()),
          old -> old.withStatus(Status.PAUSED));
    } else if (type.equals(TaskResumed.getDescriptor().getFullName())) {
      cache.updateTask(
          ContainerCache.key(ns, TaskResumed.parseFrom(any.getValue()).getContainerId()),
          old -> old.withStatus(Status.RUNNING));
    }
  }

  /**
   * A task's exit or deletion. Exec'd processes exit too; only the init process (id = container id,
   * or no id) ends the container's task.
   */
  private void ended(
      String ns, String containerId, String processId, int exitStatus, Timestamp exitedAt) {
    if (processId.isEmpty() || processId.equals(containerId)) {
      cache.updateTask(
          ContainerCache.key(ns, containerId),
          old -> old.exited(exitStatus, ContainerMapping.time(exitedAt)));
    }
  }

  private void lookUp(String ns, String id) {
    String key = ContainerCache.key(ns, id);
    client.container(ns, id).ifPresent(c -> cache.putMeta(key, ContainerMapping.meta(ns, c)));
  }
}
