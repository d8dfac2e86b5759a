package io.agentcollector.plugin.k8slabels;

import static io.agentcollector.plugin.k8slabels.MockApi.await;
import static io.agentcollector.plugin.k8slabels.TestPods.hexId;
import static io.agentcollector.plugin.k8slabels.TestPods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.container.ContainerInfo;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The API server absent at start, then up, then down and back on the same port. */
class ApiServerDownTest {

  private static final Pod WEB =
      pod("shop", "web-0", "11111111-2b9d-4e8a-a6f1-0d3c5b7e9a21", "node-1");
  private static final Pod API =
      pod("shop", "api-0", "22222222-2b9d-4e8a-a6f1-0d3c5b7e9a21", "node-1");

  private K8sLabelsEnricher enricher;
  private KubernetesMockServer server;

  @AfterEach
  void stop() {
    if (enricher != null) {
      enricher.stop();
    }
    if (server != null) {
      MockApi.destroy(server);
    }
  }

  private static ContainerInfo main(Pod p) {
    return ContainerInfo.running("containerd", hexId(p.getMetadata().getUid()), "", "", 1, "");
  }

  private static void create(KubernetesMockServer s, Pod p) {
    try (KubernetesClient admin = s.createClient()) {
      admin.pods().inNamespace("shop").resource(p).create();
    }
  }

  @Test
  void keepsLastKnownPodsAndRecovers() throws Exception {
    int port = MockApi.freePort();

    long before = System.nanoTime();
    enricher = MockApi.start(MockApi.config(port, List.of()));
    assertThat(System.nanoTime() - before)
        .as("start does not wait for the API server")
        .isLessThan(5_000_000_000L);
    assertThat(enricher.status()).isIn("connecting", "unreachable");
    await("unreachable before the first list", () -> enricher.status().equals("unreachable"));

    server = MockApi.crud(port);
    create(server, WEB);
    await("ok once the server is up", () -> enricher.status().equals("ok"));
    await("web listed", () -> !enricher.labels(main(WEB)).isEmpty());

    server.destroy();
    server = null;
    await("unreachable once the server is gone", () -> enricher.status().equals("unreachable"));
    assertThat(enricher.labels(main(WEB)))
        .containsEntry("pod", "web-0")
        .containsEntry("namespace", "shop");

    server = MockApi.crud(port);
    await("ok after the server came back", () -> enricher.status().equals("ok"));
    await("watch re-established", enricher::watching);
    create(server, API);
    await("new pod seen", () -> !enricher.labels(main(API)).isEmpty());
    assertThat(enricher.labels(main(API))).containsEntry("pod", "api-0");
    assertThat(enricher.labels(main(WEB))).containsEntry("pod", "web-0");
  }
}
