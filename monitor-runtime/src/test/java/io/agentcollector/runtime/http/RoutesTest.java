package io.agentcollector.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.runtime.config.ListenAddress;
import io.agentcollector.runtime.selfmetrics.BuildInfo;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Routing and methods over a raw socket, so every byte of the request is ours. */
class RoutesTest {

  private static HttpEndpoint endpoint;

  @BeforeAll
  static void start() {
    endpoint =
        HttpEndpoint.start(
            new HttpEndpoint.Settings(new ListenAddress("127.0.0.1", 0), 2, 64, null),
            new PrometheusRegistry(),
            () -> 1,
            new StatusPage(new BuildInfo("1", "r", "17"), List.of(), Map.of(), Map.of()));
  }

  @AfterAll
  static void stop() {
    endpoint.close();
  }

  static String exchange(int port, String request) throws Exception {
    return exchange(port, request, 5000);
  }

  static String exchange(int port, String request, int timeoutMillis) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(timeoutMillis);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private static String request(String method, String path) throws Exception {
    return exchange(
        endpoint.port(), method + " " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/metrics", "/-/healthy", "/-/ready"})
  void getAndHeadOnExactPaths(String path) throws Exception {
    assertThat(request("GET", path)).startsWith("HTTP/1.1 200 ");
    String head = request("HEAD", path);
    assertThat(head).startsWith("HTTP/1.1 200 ").contains("Content-Length: ").endsWith("\r\n\r\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/metrics/x", "/metricsfoo", "/nope", "/-/", "/metrics/", "/-/healthy/x"})
  void otherPathsAre404(String path) throws Exception {
    assertThat(request("GET", path)).startsWith("HTTP/1.1 404 ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "DELETE", "FOO", "OPTIONS", "PATCH"})
  void otherMethodsAre405WithAllow(String method) throws Exception {
    for (String path : List.of("/", "/metrics", "/-/healthy", "/-/ready")) {
      String answer = request(method, path);
      assertThat(answer)
          .as(method + " " + path)
          .startsWith("HTTP/1.1 405 ")
          .contains("\r\nAllow: GET, HEAD\r\n");
    }
  }

  @Test
  void postWhoseBodyNeverComesIsAnsweredAndClosed() throws Exception {
    long t0 = System.nanoTime();
    String answer =
        exchange(
            endpoint.port(),
            "POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\nabc");
    assertThat(answer).startsWith("HTTP/1.1 405 ");
    // readAllBytes returned: the server closed rather than wait for 99997 more bytes
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(HttpEndpoint.IDLE_TIMEOUT_MS);
  }

  @Test
  void tlsClientHelloOnThePlainPortIsRefusedAtOnce() throws Exception {
    String hello = "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u01fc\u0003\u0003";
    String answer = exchange(endpoint.port(), hello);
    assertThat(answer).startsWith("HTTP/1.1 400 ");
  }
}
