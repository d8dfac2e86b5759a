package io.agentcollector.plugin.k8slabels;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Pods as the kubelet reports them: uid, node, labels, one status per container. */
final class TestPods {

  private TestPods() {}

  /**
   * @param containers container name → runtime id (without the {@code containerd://} prefix)
   */
  static Pod pod(
      String ns,
      String name,
      String uid,
      String node,
      Map<String, String> labels,
      Map<String, String> containers) {
    List<ContainerStatus> statuses = new ArrayList<>();
    List<io.fabric8.kubernetes.api.model.Container> specs = new ArrayList<>();
    containers.forEach(
        (cname, id) -> {
          specs.add(
              new io.fabric8.kubernetes.api.model.ContainerBuilder()
                  .withName(cname)
                  .withImage("busybox:1.36")
                  .build());
          statuses.add(
              new ContainerStatusBuilder()
                  .withName(cname)
                  .withContainerID("containerd://" + id)
                  .withImage("docker.io/library/busybox:1.36")
                  .withReady(true)
                  .withRestartCount(0)
                  .build());
        });
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace(ns)
        .withName(name)
        .withUid(uid)
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withNodeName(node)
        .withContainers(specs)
        .endSpec()
        .withNewStatus()
        .withPhase("Running")
        .withContainerStatuses(statuses)
        .endStatus()
        .build();
  }

  static Pod pod(String ns, String name, String uid, String node) {
    return pod(ns, name, uid, node, Map.of("app", name), Map.of("main", hexId(uid)));
  }

  /** A 64-hex container id derived from a seed. */
  static String hexId(String seed) {
    StringBuilder b = new StringBuilder();
    int h = seed.hashCode();
    while (b.length() < 64) {
      h = h * 31 + 7;
      b.append(String.format("%08x", h));
    }
    return b.substring(0, 64);
  }
}
