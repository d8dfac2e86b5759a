package io.agentcollector.plugin.k8slabels;

import static io.agentcollector.plugin.k8slabels.MockApi.await;
import static io.agentcollector.plugin.k8slabels.TestPods.hexId;
import static io.agentcollector.plugin.k8slabels.TestPods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.container.ContainerInfo;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Node filtering and error statuses with the mock in expectations mode: its CRUD mode ignores the
 * spec.nodeName field selector, so here the exact list/watch requests are answered.
 */
class NodeFilterTest {

  private static final String LIST =
      "/api/v1/pods?fieldSelector=spec.nodeName%3Dnode-1&resourceVersion=0";
  private static final String WATCH =
      "/api/v1/pods?allowWatchBookmarks=true&fieldSelector=spec.nodeName%3Dnode-1"
          + "&resourceVersion=100&timeoutSeconds=600&watch=true";

  private static final Pod MINE =
      pod("shop", "web-0", "11111111-2b9d-4e8a-a6f1-0d3c5b7e9a21", "node-1");
  private static final Pod LATER =
      pod("shop", "web-1", "22222222-2b9d-4e8a-a6f1-0d3c5b7e9a21", "node-1");
  private static final Pod OTHER =
      pod("shop", "db-0", "33333333-2b9d-4e8a-a6f1-0d3c5b7e9a21", "node-2");

  private final KubernetesMockServer server = MockApi.expectations();
  private K8sLabelsEnricher enricher;

  @AfterEach
  void stop() {
    if (enricher != null) {
      enricher.stop();
    }
    MockApi.destroy(server);
  }

  private static ContainerInfo main(Pod p) {
    return ContainerInfo.running("containerd", hexId(p.getMetadata().getUid()), "", "", 1, "");
  }

  private K8sLabelsEnricher start() {
    K8sLabelsEnricher e = new K8sLabelsEnricher(Map.of());
    e.start(
        MockApi.config(server.getPort(), List.of("app")),
        MockApi.clientConfig(MockApi.config(server.getPort(), List.of())));
    return e;
  }

  @Test
  void listsAndWatchesOnlyThisNodesPods() throws Exception {
    // Anything without this node's field selector would get every pod of the cluster.
    server
        .expect()
        .get()
        .withPath("/api/v1/pods?resourceVersion=0")
        .andReturn(
            200,
            new PodListBuilder()
                .withNewMetadata()
                .withResourceVersion("100")
                .endMetadata()
                .withItems(MINE, OTHER)
                .build())
        .always();
    server
        .expect()
        .get()
        .withPath("/api/v1/pods?fieldSelector=spec.nodeName%3Dnode-2&resourceVersion=0")
        .andReturn(
            200,
            new PodListBuilder()
                .withNewMetadata()
                .withResourceVersion("100")
                .endMetadata()
                .withItems(OTHER)
                .build())
        .always();
    server
        .expect()
        .get()
        .withPath(LIST)
        .andReturn(
            200,
            new PodListBuilder()
                .withNewMetadata()
                .withResourceVersion("100")
                .endMetadata()
                .withItems(MINE)
                .build())
        .always();
    server
        .expect()
        .get()
        .withPath(WATCH)
        .andUpgradeToWebSocket()
        .open()
        .waitFor(200)
        .andEmit(new WatchEvent(LATER, "ADDED"))
        .done()
        .once();

    enricher = start();

    await("the watched pod", () -> !enricher.labels(main(LATER)).isEmpty());
    assertThat(enricher.labels(main(MINE)))
        .isEqualTo(
            Map.of("namespace", "shop", "pod", "web-0", "container", "main", "label_app", "web-0"));
    assertThat(enricher.labels(main(LATER))).containsEntry("pod", "web-1");
    assertThat(enricher.labels(main(OTHER))).isEmpty();
    assertThat(enricher.podCount()).isEqualTo(2);
    // Every request carried this node's selector. On a loaded machine the informer may time out
    // and list again before it watches, so the order is checked only up to repeats.
    List<String> paths = new ArrayList<>();
    for (var r = server.takeRequest(0, TimeUnit.SECONDS);
        r != null;
        r = server.takeRequest(0, TimeUnit.SECONDS)) {
      paths.add(r.getPath());
    }
    assertThat(paths).contains(LIST, WATCH).allMatch(p -> p.contains("spec.nodeName%3Dnode-1"));
    assertThat(paths.indexOf(LIST)).isLessThan(paths.indexOf(WATCH));
  }

  @Test
  void forbidden() {
    server
        .expect()
        .get()
        .withPath(LIST)
        .andReturn(
            403,
            new StatusBuilder()
                .withCode(403)
                .withReason("Forbidden")
                .withMessage(
                    "pods is forbidden: User \"system:serviceaccount:monitoring:agent\" cannot list resource \"pods\"")
                .build())
        .always();

    enricher = start();

    await("forbidden", () -> enricher.status().equals("forbidden"));
    assertThat(enricher.labels(main(MINE))).isEmpty();
  }

  @Test
  void unauthorized() {
    server
        .expect()
        .get()
        .withPath(LIST)
        .andReturn(401, new StatusBuilder().withCode(401).withReason("Unauthorized").build())
        .always();

    enricher = start();

    await("unauthorized", () -> enricher.status().equals("unauthorized"));
  }
}
