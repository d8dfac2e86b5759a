package io.agentcollector.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.runtime.config.ListenAddress;
import io.agentcollector.runtime.selfmetrics.BuildInfo;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionLimitTest {

  @Test
  void pastTheLimitNewClientsWaitAndAreServedOnceStalledOnesAreClosed() throws Exception {
    HttpEndpoint endpoint =
        HttpEndpoint.start(
            new HttpEndpoint.Settings(new ListenAddress("127.0.0.1", 0), 2, 8, null),
            new PrometheusRegistry(),
            () -> 1,
            new StatusPage(new BuildInfo("1", "r", "17"), List.of(), Map.of(), Map.of()));
    List<Socket> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < 12; i++) {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", endpoint.port()), 2000);
        s.getOutputStream().write("GET /metr".getBytes(StandardCharsets.US_ASCII));
        stalled.add(s);
      }
      // 8 accepted, 4 and this one wait in the backlog until the header deadline or the idle
      // timeout (10 s) frees the 8: then all are accepted and this one is answered.
      long t0 = System.nanoTime();
      String answer =
          RoutesTest.exchange(
              endpoint.port(),
              "GET /-/healthy HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
              30_000);
      long waited = (System.nanoTime() - t0) / 1_000_000;
      assertThat(waited).as("ms waited: the limit really held it back").isGreaterThan(1_000);
      assertThat(answer).startsWith("HTTP/1.1 200 ");
      // still listening after the limit paused and resumed accepting
      assertThat(
              RoutesTest.exchange(
                  endpoint.port(),
                  "GET /-/healthy HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
          .startsWith("HTTP/1.1 200 ");
    } finally {
      for (Socket s : stalled) {
        s.close();
      }
      endpoint.close();
    }
  }
}
