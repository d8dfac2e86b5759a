package io.agentcollector.plugin.k8slabels;

import io.agentcollector.api.container.ContainerInfo;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The labels of this node's pods, indexed by pod uid, by namespace/name and by container id, so
 * that {@link #labels} is a few hash lookups. Written by the informer's event handler (one thread),
 * read by the container collector.
 */
final class PodIndex {

  static final String POD_UID = "io.kubernetes.pod.uid";
  static final String POD_NAME = "io.kubernetes.pod.name";
  static final String POD_NAMESPACE = "io.kubernetes.pod.namespace";

  /** One pod: its labels for every container, and its containers' names by id. */
  private record Entry(
      String uid, String nameKey, Map<String, String> labels, Map<String, String> containerNames) {}

  /** A container id's pod and its name in the pod spec. */
  private record ContainerRef(Entry pod, String name) {}

  private final List<String> allowlist;
  private final boolean allLabels;
  private final Map<String, Entry> byUid = new ConcurrentHashMap<>();
  private final Map<String, Entry> byName = new ConcurrentHashMap<>();
  private final Map<String, ContainerRef> byContainerId = new ConcurrentHashMap<>();

  /**
   * @param allowlist pod label names to expose as {@code label_<name>}; {@code *} for all
   */
  PodIndex(List<String> allowlist) {
    this.allowlist = List.copyOf(allowlist);
    this.allLabels = allowlist.contains("*");
  }

  /** Adds or replaces a pod. */
  void put(Pod pod) {
    String uid = pod.getMetadata().getUid();
    if (uid == null || uid.isEmpty()) {
      return;
    }
    Entry old = byUid.get(uid);
    Entry e = entry(pod);
    byUid.put(uid, e);
    byName.put(e.nameKey(), e);
    e.containerNames().forEach((id, name) -> byContainerId.put(id, new ContainerRef(e, name)));
    if (old != null) {
      if (!old.nameKey().equals(e.nameKey())) {
        byName.remove(old.nameKey(), old);
      }
      old.containerNames()
          .keySet()
          .forEach(
              id -> {
                if (!e.containerNames().containsKey(id)) {
                  byContainerId.remove(id);
                }
              });
    }
  }

  /** Removes a pod. */
  void remove(Pod pod) {
    Entry old = byUid.remove(pod.getMetadata().getUid());
    if (old != null) {
      byName.remove(old.nameKey(), old);
      old.containerNames()
          .keySet()
          .forEach(
              id -> byContainerId.computeIfPresent(id, (k, ref) -> ref.pod() == old ? null : ref));
    }
  }

  int size() {
    return byUid.size();
  }

  /**
   * {@code namespace}, {@code pod}, {@code container} and the allowlisted {@code label_<name>} of a
   * container, found by the runtime's pod labels, else its id, else its cgroup path; empty when it
   * belongs to no known pod.
   */
  Map<String, String> labels(ContainerInfo c) {
    ContainerRef ref = byContainerId.get(c.id());
    Entry pod = byRuntimeLabels(c.labels());
    if (pod == null && ref != null) {
      pod = ref.pod();
    }
    if (pod == null) {
      Optional<CgroupPath> cg = CgroupPath.parse(c.cgroupPath());
      if (cg.isPresent()) {
        pod = byUid.get(cg.get().podUid());
        if (ref == null && cg.get().containerId().isPresent()) {
          ref = byContainerId.get(cg.get().containerId().get());
        }
      }
    }
    if (pod == null) {
      return Map.of();
    }
    if (ref == null || ref.pod() != pod) {
      return pod.labels();
    }
    Map<String, String> out = new LinkedHashMap<>(pod.labels());
    out.put("container", ref.name());
    return out;
  }

  private Entry byRuntimeLabels(Map<String, String> labels) {
    String uid = labels.get(POD_UID);
    if (uid != null && !uid.isEmpty()) {
      Entry e = byUid.get(uid);
      if (e != null) {
        return e;
      }
    }
    String name = labels.get(POD_NAME);
    String ns = labels.get(POD_NAMESPACE);
    if (name != null && ns != null) {
      return byName.get(ns + "/" + name);
    }
    return null;
  }

  private Entry entry(Pod pod) {
    String ns = pod.getMetadata().getNamespace();
    String name = pod.getMetadata().getName();
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("namespace", ns);
    labels.put("pod", name);
    Map<String, String> podLabels =
        pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
    if (allLabels) {
      new java.util.TreeMap<>(podLabels)
          .forEach((k, v) -> labels.putIfAbsent("label_" + sanitize(k), v));
    } else {
      for (String k : allowlist) {
        String v = podLabels.get(k);
        if (v != null) {
          labels.putIfAbsent("label_" + sanitize(k), v);
        }
      }
    }
    Map<String, String> containers = new HashMap<>();
    PodStatus status = pod.getStatus();
    if (status != null) {
      addIds(containers, status.getContainerStatuses());
      addIds(containers, status.getInitContainerStatuses());
      addIds(containers, status.getEphemeralContainerStatuses());
    }
    return new Entry(
        pod.getMetadata().getUid(), ns + "/" + name, Map.copyOf(labels), Map.copyOf(containers));
  }

  private static void addIds(Map<String, String> out, List<ContainerStatus> statuses) {
    if (statuses == null) {
      return;
    }
    for (ContainerStatus s : statuses) {
      addId(out, s.getContainerID(), s.getName());
      // A restarted container's previous instance may still be visible to the runtime.
      if (s.getLastState() != null && s.getLastState().getTerminated() != null) {
        addId(out, s.getLastState().getTerminated().getContainerID(), s.getName());
      }
    }
  }

  private static void addId(Map<String, String> out, String containerId, String name) {
    String id = containerId(containerId);
    if (!id.isEmpty() && name != null) {
      out.put(id, name);
    }
  }

  /** {@code containerd://<id>}, {@code docker://<id>}, {@code cri-o://<id>} → {@code <id>}. */
  static String containerId(String statusId) {
    if (statusId == null) {
      return "";
    }
    int i = statusId.indexOf("://");
    return i < 0 ? statusId : statusId.substring(i + 3);
  }

  /** kube-state-metrics' rule for label_<name>: every character outside [a-zA-Z0-9_] becomes _. */
  static String sanitize(String name) {
    StringBuilder b = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      boolean ok =
          (ch >= 'a' && ch <= 'z')
              || (ch >= 'A' && ch <= 'Z')
              || (ch >= '0' && ch <= '9')
              || ch == '_';
      b.append(ok ? ch : '_');
    }
    return b.toString();
  }
}
