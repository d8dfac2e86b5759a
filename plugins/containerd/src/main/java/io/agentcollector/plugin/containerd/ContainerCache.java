package io.agentcollector.plugin.containerd;

import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.plugin.containerd.ContainerMapping.Meta;
import io.agentcollector.plugin.containerd.ContainerMapping.Task;
import io.agentcollector.plugin.containerd.api.types.Process;
import io.agentcollector.plugin.containerd.api.types.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * containerd's containers and their tasks by {@code namespace/id}: replaced by each full listing,
 * kept current by events in between. Events that arrive while a listing is under way are newer than
 * what the listing may say about the same container, so {@link #replace} keeps them (a container
 * created or deleted during the listing is neither lost nor brought back). One lock; nothing slow
 * runs under it.
 */
final class ContainerCache {

  private final Map<String, Meta> metas = new HashMap<>();
  private final Map<String, Task> tasks = new HashMap<>();

  /**
   * Since the last {@link #replace}: the sequence number of the last event per key, and deletions.
   */
  private final Map<String, Long> touched = new HashMap<>();

  private final Map<String, Long> removed = new HashMap<>();
  private long seq;

  static String key(String namespace, String id) {
    return namespace + "/" + id;
  }

  /** Taken before a listing starts, and handed to {@link #replace} with its result. */
  synchronized long mark() {
    return seq;
  }

  synchronized boolean has(String key) {
    return metas.containsKey(key);
  }

  synchronized void putMeta(String key, Meta m) {
    metas.put(key, m);
    removed.remove(key);
    touch(key);
  }

  /** A container looked up after its task event: what a newer event stored stays. */
  synchronized void putMetaIfAbsent(String key, Meta m) {
    if (!removed.containsKey(key) && metas.putIfAbsent(key, m) == null) {
      touch(key);
    }
  }

  synchronized void remove(String key) {
    metas.remove(key);
    tasks.remove(key);
    removed.put(key, ++seq);
  }

  synchronized void putTask(String key, Task t) {
    tasks.put(key, t);
    touch(key);
  }

  /**
   * Changes a task; with none known (the event raced the listing), starts from a running one of
   * unknown pid.
   */
  synchronized void updateTask(String key, UnaryOperator<Task> change) {
    Task old = tasks.get(key);
    tasks.put(key, change.apply(old != null ? old : Task.started(0, Optional.empty())));
    touch(key);
  }

  /**
   * Replaces the content with a full listing that began at {@code since} (from {@link #mark}). A
   * container an event changed after that keeps the event's version; one deleted after that stays
   * deleted. A task the listing lacks but that was seen alive is gone: stopped, exit unknown.
   */
  synchronized void replace(
      long since, Map<String, Meta> listed, Map<String, Process> listedTasks) {
    Set<String> keys = new HashSet<>(listed.keySet());
    touched.forEach(
        (k, s) -> {
          if (s > since) {
            keys.add(k);
          }
        });
    Map<String, Meta> newMetas = new HashMap<>();
    Map<String, Task> newTasks = new HashMap<>();
    for (String key : keys) {
      if (removed.getOrDefault(key, -1L) > since) {
        continue;
      }
      boolean fresh = touched.getOrDefault(key, -1L) > since;
      Meta m = fresh && metas.containsKey(key) ? metas.get(key) : listed.get(key);
      if (m == null) {
        continue;
      }
      newMetas.put(key, m);
      Task before = tasks.get(key);
      Process p = listedTasks.get(key);
      if (fresh && before != null) {
        newTasks.put(key, before);
      } else if (p != null) {
        // Keep what only events told us (start time, OOM) while it is the same process.
        boolean same =
            before != null && (before.pid() == p.getPid() || p.getStatus() == Status.STOPPED);
        newTasks.put(
            key,
            ContainerMapping.task(
                p, same ? before.startedAt() : Optional.empty(), same && before.oomKilled()));
      } else if (before != null) {
        newTasks.put(key, before.gone());
      }
    }
    metas.clear();
    metas.putAll(newMetas);
    tasks.clear();
    tasks.putAll(newTasks);
    touched.clear();
    removed.clear();
  }

  synchronized List<ContainerInfo> infos() {
    List<ContainerInfo> out = new ArrayList<>(metas.size());
    metas.forEach(
        (key, m) -> out.add(ContainerMapping.toInfo(m, Optional.ofNullable(tasks.get(key)))));
    return out;
  }

  synchronized int size() {
    return metas.size();
  }

  private void touch(String key) {
    touched.put(key, ++seq);
  }
}
