package io.agentcollector.runtime.containers;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.ContainerState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** kubelet's {@code container}, {@code pod}, {@code namespace} labels from the runtime's labels. */
class ContainerLabelsTest {

  static ContainerInfo containerd(String id, Map<String, String> labels) {
    return new ContainerInfo(
        "containerd",
        id,
        id,
        "img",
        labels,
        ContainerState.RUNNING,
        42,
        OptionalInt.empty(),
        false,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        "/k8s.io/" + id,
        true);
  }

  @Test
  void kubeletsAppContainerIsNamedByItsLabel() {
    Map<String, String> l =
        ContainerLabels.of(
            containerd(
                "a1",
                Map.of(
                    "io.kubernetes.pod.name",
                    "web-0",
                    "io.kubernetes.pod.namespace",
                    "shop",
                    "io.kubernetes.container.name",
                    "app")),
            List.of(),
            Map.of());

    assertThat(l)
        .containsEntry("container", "app")
        .containsEntry("pod", "web-0")
        .containsEntry("namespace", "shop")
        .containsEntry("name", "a1")
        .containsEntry("id", "/k8s.io/a1");
  }

  @Test
  void aSandboxHasAnEmptyContainerLabelAsWithKubelet() {
    Map<String, String> l =
        ContainerLabels.of(
            containerd(
                "s1",
                Map.of(
                    "io.kubernetes.pod.name",
                    "web-0",
                    "io.kubernetes.pod.namespace",
                    "shop",
                    "io.cri-containerd.kind",
                    "sandbox")),
            List.of(),
            Map.of());

    assertThat(l)
        .containsEntry("container", "")
        .containsEntry("pod", "web-0")
        .containsEntry("namespace", "shop")
        .containsEntry("name", "s1");
  }

  @Test
  void aContainerOutsideKubernetesIsNamedByTheRuntimesName() {
    assertThat(ContainerLabels.of(containerd("c1", Map.of()), List.of(), Map.of()))
        .containsEntry("container", "c1")
        .containsEntry("pod", "")
        .containsEntry("namespace", "");
    assertThat(
            ContainerLabels.of(
                containerd("c1", Map.of()), List.of(), Map.of("container", "app", "pod", "web-0")))
        .as("an enricher's answer comes first")
        .containsEntry("container", "app")
        .containsEntry("pod", "web-0");
  }
}
