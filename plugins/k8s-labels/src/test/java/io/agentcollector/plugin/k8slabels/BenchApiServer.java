package io.agentcollector.plugin.k8slabels;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.ArrayList;
import java.util.List;

/**
 * An API server for scripts/benchmark-k8s.sh: fabric8's mock server on loopback answering the
 * agent's list and watch of node-1's pods (expectations mode, so the node filter is what the agent
 * really sends) with N realistic pods. Prints {@code port=<n>}, then serves until killed.
 */
public final class BenchApiServer {

  private BenchApiServer() {}

  public static void main(String[] args) throws Exception {
    int pods = args.length > 0 ? Integer.parseInt(args[0]) : 110;
    List<Pod> items = new ArrayList<>();
    for (int i = 0; i < pods; i++) {
      items.add(PodInformerMemory.realistic(i));
    }
    KubernetesMockServer server = MockApi.expectations();
    var list =
        new PodListBuilder()
            .withNewMetadata()
            .withResourceVersion("100")
            .endMetadata()
            .withItems(items)
            .build();
    for (String query : List.of("&resourceVersion=0", "")) {
      server
          .expect()
          .get()
          .withPath("/api/v1/pods?fieldSelector=spec.nodeName%3Dnode-1" + query)
          .andReturn(200, list)
          .always();
    }
    server
        .expect()
        .get()
        .withPath(
            "/api/v1/pods?allowWatchBookmarks=true&fieldSelector=spec.nodeName%3Dnode-1"
                + "&resourceVersion=100&timeoutSeconds=600&watch=true")
        // Held open (an event after a day): a closed watch would make the informer list again.
        .andUpgradeToWebSocket()
        .open()
        .waitFor(86_400_000L)
        .andEmit(new WatchEvent(items.get(0), "MODIFIED"))
        .done()
        .always();
    System.out.println("port=" + server.getPort());
    System.out.flush();
    Thread.currentThread().join();
  }
}
