package io.agentcollector.plugin.k8slabels;

import static org.assertj.core.api.Assertions.fail;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.function.BooleanSupplier;

/** fabric8 mock API servers on loopback and enrichers pointed at them, with short timeouts. */
final class MockApi {

  private MockApi() {}

  /**
   * A CRUD mock server (state in memory; field selectors other than name/namespace match nothing).
   */
  static KubernetesMockServer crud(int port) {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            responses,
            new KubernetesMixedDispatcher(responses),
            false);
    server.init(InetAddress.getLoopbackAddress(), port);
    return server;
  }

  /** A mock server that answers only the requests set up with {@code expect()}. */
  static KubernetesMockServer expectations() {
    KubernetesMockServer server = new KubernetesMockServer(false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    return server;
  }

  /**
   * Stops a mock server after a test. The JDK HTTP client keeps idle keep-alive connections open
   * after the client is closed (Java 17's HttpClient cannot be closed), and the mock server's
   * shutdown waits for them, then gives up after 10 s: that is the client's leftover, not the
   * test's result. The listening socket is closed either way.
   */
  static void destroy(KubernetesMockServer server) {
    try {
      server.destroy();
    } catch (IllegalStateException e) {
      // "Unable to close MockWebServer": see above.
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static K8sLabelsConfig config(int port, List<String> allowlist) {
    return new K8sLabelsConfig(
        "node-1",
        Optional.empty(),
        Optional.of(url(port)),
        allowlist,
        Duration.ZERO,
        Duration.ofMillis(100),
        Duration.ofSeconds(2));
  }

  static String url(int port) {
    return "http://127.0.0.1:" + port;
  }

  /** A client config for the mock: no kubeconfig or service account read, the plugin's tuning. */
  static Config clientConfig(K8sLabelsConfig c) {
    Config cfg = Config.empty();
    cfg.setMasterUrl(c.masterUrl().orElseThrow());
    cfg.setTrustCerts(true);
    K8sLabelsEnricher.tune(cfg, c);
    return cfg;
  }

  /** An enricher on a CRUD mock server, which cannot filter on spec.nodeName. */
  static K8sLabelsEnricher start(K8sLabelsConfig c) {
    K8sLabelsEnricher e = new K8sLabelsEnricher(Map.of()).withoutServerSideNodeFilter();
    e.start(c, clientConfig(c));
    return e;
  }

  /** Polls until true; generous so a slow machine does not fail it. */
  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting for " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted waiting for " + what);
      }
    }
  }
}
