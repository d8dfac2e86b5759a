package io.agentcollector.plugin.k8slabels;

import static io.agentcollector.plugin.k8slabels.TestPods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.container.ContainerInfo;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodIndexTest {

  private static final String UID = "7c1a3f5e-2b9d-4e8a-a6f1-0d3c5b7e9a21";
  private static final String APP = "a1".repeat(32);
  private static final String SIDECAR = "b2".repeat(32);
  private static final Pod WEB =
      pod(
          "shop",
          "web-0",
          UID,
          "node-1",
          Map.of("app.kubernetes.io/name", "web", "team", "payments", "tier", "front"),
          Map.of("app", APP, "sidecar", SIDECAR));

  private final PodIndex index = new PodIndex(List.of("app.kubernetes.io/name", "team", "missing"));

  private static ContainerInfo container(String id, String cgroup) {
    return ContainerInfo.running("containerd", id, "", "busybox", 1, cgroup);
  }

  @Test
  void byContainerIdWithAllowlistSanitized() {
    index.put(WEB);

    assertThat(index.labels(container(SIDECAR, "")))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "namespace",
                "shop",
                "pod",
                "web-0",
                "container",
                "sidecar",
                "label_app_kubernetes_io_name",
                "web",
                "label_team",
                "payments"));
  }

  @Test
  void byRuntimePodUidLabel() {
    index.put(WEB);
    ContainerInfo c = container("c".repeat(64), "").withLabels(Map.of(PodIndex.POD_UID, UID));

    assertThat(index.labels(c))
        .containsEntry("pod", "web-0")
        .containsEntry("namespace", "shop")
        .doesNotContainKey("container");
  }

  @Test
  void byRuntimePodNameAndNamespace() {
    index.put(WEB);
    ContainerInfo c =
        container(APP, "")
            .withLabels(Map.of(PodIndex.POD_NAME, "web-0", PodIndex.POD_NAMESPACE, "shop"));

    assertThat(index.labels(c)).containsEntry("pod", "web-0").containsEntry("container", "app");
  }

  @Test
  void byCgroupPathBothLayouts() {
    index.put(WEB);
    ContainerInfo cgroupfs = container("unknown", "/kubepods/burstable/pod" + UID + "/" + APP);
    ContainerInfo systemd =
        container(
            "unknown",
            "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod"
                + UID.replace('-', '_')
                + ".slice/cri-containerd-"
                + SIDECAR
                + ".scope");
    ContainerInfo pause =
        container("unknown", "/kubepods/burstable/pod" + UID + "/" + "d".repeat(64));

    assertThat(index.labels(cgroupfs))
        .containsEntry("pod", "web-0")
        .containsEntry("container", "app");
    assertThat(index.labels(systemd))
        .containsEntry("pod", "web-0")
        .containsEntry("container", "sidecar");
    assertThat(index.labels(pause)).containsEntry("pod", "web-0").doesNotContainKey("container");
  }

  @Test
  void unknownContainerIsEmpty() {
    index.put(WEB);

    assertThat(index.labels(container("e".repeat(64), "/docker/" + "e".repeat(64)))).isEmpty();
    assertThat(
            index.labels(
                container("e".repeat(64), "")
                    .withLabels(Map.of(PodIndex.POD_UID, "00000000-0000-0000-0000-000000000000"))))
        .isEmpty();
  }

  @Test
  void updateReplacesLabelsAndContainerIdsAndDeleteForgets() {
    index.put(WEB);
    String restarted = "f3".repeat(32);
    Pod updated =
        new PodBuilder(WEB)
            .editMetadata()
            .addToLabels("team", "search")
            .endMetadata()
            .editStatus()
            .withContainerStatuses(
                new ContainerStatusBuilder()
                    .withName("app")
                    .withContainerID("containerd://" + restarted)
                    .withNewLastState()
                    .withNewTerminated()
                    .withContainerID("containerd://" + APP)
                    .withExitCode(1)
                    .endTerminated()
                    .endLastState()
                    .build())
            .endStatus()
            .build();

    index.put(updated);

    assertThat(index.labels(container(restarted, "")))
        .containsEntry("label_team", "search")
        .containsEntry("container", "app");
    assertThat(index.labels(container(APP, ""))).containsEntry("container", "app");
    assertThat(index.labels(container(SIDECAR, ""))).isEmpty();

    index.remove(updated);

    assertThat(index.labels(container(restarted, ""))).isEmpty();
    assertThat(index.size()).isZero();
  }

  @Test
  void initAndEphemeralContainersAndOtherRuntimes() {
    String init = "11".repeat(32);
    String debug = "22".repeat(32);
    Pod p =
        new PodBuilder(WEB)
            .editStatus()
            .withInitContainerStatuses(
                new ContainerStatusBuilder()
                    .withName("init")
                    .withContainerID("docker://" + init)
                    .build())
            .withEphemeralContainerStatuses(
                new ContainerStatusBuilder()
                    .withName("debugger")
                    .withContainerID("cri-o://" + debug)
                    .build())
            .endStatus()
            .build();

    index.put(p);

    assertThat(index.labels(container(init, ""))).containsEntry("container", "init");
    assertThat(index.labels(container(debug, ""))).containsEntry("container", "debugger");
  }

  @Test
  void sanitizeLikeKubeStateMetrics() {
    assertThat(PodIndex.sanitize("app.kubernetes.io/name")).isEqualTo("app_kubernetes_io_name");
    assertThat(PodIndex.sanitize("Team-Name_2")).isEqualTo("Team_Name_2");
    assertThat(PodIndex.sanitize("ünïcode")).isEqualTo("_n_code");
  }

  @Test
  void starAllowsEveryLabel() {
    PodIndex all = new PodIndex(List.of("*"));
    all.put(WEB);

    assertThat(all.labels(container(APP, "")))
        .containsEntry("label_tier", "front")
        .containsEntry("label_team", "payments")
        .containsEntry("label_app_kubernetes_io_name", "web");
  }
}
