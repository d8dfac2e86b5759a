package io.agentcollector.plugin.k8slabels;

import static io.agentcollector.plugin.k8slabels.MockApi.await;
import static io.agentcollector.plugin.k8slabels.TestPods.hexId;
import static io.agentcollector.plugin.k8slabels.TestPods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.testkit.TestContext;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The enricher against fabric8's CRUD mock API server: pod events reach labels(). */
class K8sLabelsEnricherTest {

  private static final String UID = "7c1a3f5e-2b9d-4e8a-a6f1-0d3c5b7e9a21";
  private static final String APP_ID = hexId("app");

  private KubernetesMockServer server;
  private KubernetesClient admin;
  private K8sLabelsEnricher enricher;

  @BeforeEach
  void startServer() {
    server = MockApi.crud(0);
    admin = server.createClient();
  }

  @AfterEach
  void stop() {
    if (enricher != null) {
      enricher.stop();
    }
    admin.close();
    MockApi.destroy(server);
  }

  private static ContainerInfo byId(String id) {
    return ContainerInfo.running("containerd", id, "", "busybox", 1, "");
  }

  private static Pod web(Map<String, String> labels) {
    return pod(
        "shop", "web-0", UID, "node-1", labels, Map.of("app", APP_ID, "sidecar", hexId("sidecar")));
  }

  @Test
  void addLabelUpdateDelete() {
    enricher =
        MockApi.start(MockApi.config(server.getPort(), List.of("app.kubernetes.io/name", "team")));
    await("sync", () -> enricher.status().equals("ok"));
    assertThat(enricher.labels(byId(APP_ID))).isEmpty();

    admin
        .pods()
        .inNamespace("shop")
        .resource(web(Map.of("app.kubernetes.io/name", "web", "tier", "front")))
        .create();

    await("pod added", () -> !enricher.labels(byId(APP_ID)).isEmpty());
    assertThat(enricher.labels(byId(APP_ID)))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "namespace",
                "shop",
                "pod",
                "web-0",
                "container",
                "app",
                "label_app_kubernetes_io_name",
                "web"));
    assertThat(enricher.labels(byId(hexId("sidecar")))).containsEntry("container", "sidecar");

    admin
        .pods()
        .inNamespace("shop")
        .withName("web-0")
        .edit(
            p -> {
              p.getMetadata().getLabels().put("team", "payments");
              return p;
            });

    await("label update", () -> "payments".equals(enricher.labels(byId(APP_ID)).get("label_team")));

    admin.pods().inNamespace("shop").withName("web-0").delete();

    await("pod deleted", () -> enricher.labels(byId(APP_ID)).isEmpty());
    assertThat(enricher.status()).isEqualTo("ok");
  }

  @Test
  void matchesByPodUidLabelAndCgroupPath() {
    // The mock assigns its own uid, as the API server does.
    String uid =
        admin.pods().inNamespace("shop").resource(web(Map.of())).create().getMetadata().getUid();
    enricher = MockApi.start(MockApi.config(server.getPort(), List.of()));
    await("pod listed", () -> enricher.podCount() == 1);

    ContainerInfo labelled =
        byId(hexId("unknown")).withLabels(Map.of("io.kubernetes.pod.uid", uid));
    ContainerInfo cgroupfs =
        ContainerInfo.running(
            "containerd", "x", "", "", 1, "/kubepods/besteffort/pod" + uid + "/" + APP_ID);
    ContainerInfo systemd =
        ContainerInfo.running(
            "containerd",
            "x",
            "",
            "",
            1,
            "/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod"
                + uid.replace('-', '_')
                + ".slice/cri-containerd-"
                + hexId("sidecar")
                + ".scope");

    assertThat(enricher.labels(labelled)).isEqualTo(Map.of("namespace", "shop", "pod", "web-0"));
    assertThat(enricher.labels(cgroupfs))
        .isEqualTo(Map.of("namespace", "shop", "pod", "web-0", "container", "app"));
    assertThat(enricher.labels(systemd))
        .isEqualTo(Map.of("namespace", "shop", "pod", "web-0", "container", "sidecar"));
    assertThat(enricher.labels(byId(hexId("nobody")))).isEmpty();
  }

  @Test
  void startFromPluginSettings() {
    admin.pods().inNamespace("shop").resource(web(Map.of("team", "payments"))).create();
    admin
        .pods()
        .inNamespace("shop")
        .resource(pod("shop", "other-node", "0a1a3f5e-2b9d-4e8a-a6f1-0d3c5b7e9a21", "node-2"))
        .create();
    enricher = new K8sLabelsEnricher(Map.of("NODE_NAME", "node-1")).withoutServerSideNodeFilter();

    enricher.start(
        TestContext.forPlugin("k8s-labels")
            .withConfig(
                """
        master-url = "%s"
        pod-label-allowlist = [team]
        reconnect-interval = 100ms
        """
                    .formatted(MockApi.url(server.getPort()))));

    await("sync", () -> enricher.status().equals("ok"));
    assertThat(enricher.labels(byId(APP_ID)))
        .containsEntry("label_team", "payments")
        .containsEntry("pod", "web-0");
    assertThat(enricher.podCount()).isEqualTo(1);
  }
}
