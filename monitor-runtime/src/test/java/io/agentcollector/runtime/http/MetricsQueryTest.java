package io.agentcollector.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.runtime.config.ListenAddress;
import io.agentcollector.runtime.selfmetrics.BuildInfo;
import io.prometheus.metrics.core.metrics.Gauge;
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

/**
 * Query strings a client can get wrong on {@code /metrics}, sent over a raw socket so the bytes
 * (raw UTF-8 in the request line, bad percent-escapes) are exactly the client's.
 */
class MetricsQueryTest {

  private static final String UNSUPPORTED =
      ": Unsupported query parameter. Valid values are 'openmetrics', 'text', and"
          + " 'prometheus-protobuf'.";
  private static HttpEndpoint endpoint;

  @BeforeAll
  static void start() {
    PrometheusRegistry registry = new PrometheusRegistry();
    Gauge.builder().name("test_temperature").help("h").register(registry).set(21.5);
    endpoint =
        HttpEndpoint.start(
            new HttpEndpoint.Settings(new ListenAddress("127.0.0.1", 0), 2, 64, null),
            registry,
            () -> 1,
            new StatusPage(new BuildInfo("1", "r", "17"), List.of(), Map.of(), Map.of()));
  }

  @AfterAll
  static void stop() {
    endpoint.close();
  }

  /** The whole response, read until the server closes; the request line is sent as UTF-8. */
  private static String send(String method, String target) throws Exception {
    String req = method + " " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    try (Socket s = new Socket("127.0.0.1", endpoint.port())) {
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      out.write(req.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String body(String response) {
    return response.substring(response.indexOf("\r\n\r\n") + 4);
  }

  @Test
  void fuzzFindingHeadWithAnUnknownNonAsciiDebugValueIsA400WithoutBody() throws Exception {
    // HttpRequestFuzzTestInputs/request/crash-debug-unknown-value as the fuzz target sends it:
    // the value is not one client_java knows; non-ASCII and HEAD are incidental.
    String r = send("HEAD", "/metrics?debug=\uFFFB\uFFFF\uFFF99=9999999t+");
    assertThat(r).startsWith("HTTP/1.1 400 ").contains("Content-Type: text/plain");
    assertThat(body(r)).isEmpty();
  }

  @Test
  void unknownDebugValueIsA400WithClientJavasMessage() throws Exception {
    String r = send("GET", "/metrics?debug=foo");
    assertThat(r).startsWith("HTTP/1.1 400 ");
    assertThat(body(r)).isEqualTo("debug=foo" + UNSUPPORTED);
    // Percent-escapes are decoded before the value is checked; invalid UTF-8 becomes U+FFFD.
    r = send("GET", "/metrics?debug=%ff%fe");
    assertThat(r).startsWith("HTTP/1.1 400 ");
    assertThat(body(r)).isEqualTo("debug=\uFFFD\uFFFD" + UNSUPPORTED);
  }

  @Test
  void undecodablePercentEscapeIsA400() throws Exception {
    String r = send("GET", "/metrics?debug=%zz");
    assertThat(r).startsWith("HTTP/1.1 400 ");
    assertThat(body(r)).isEqualTo("Invalid query parameters");
  }

  @Test
  void knownDebugValuesStillAnswer200() throws Exception {
    String r = send("GET", "/metrics?debug=text");
    assertThat(r).startsWith("HTTP/1.1 200 ");
    assertThat(body(r)).contains("test_temperature 21.5\n");
    r = send("HEAD", "/metrics?debug=openmetrics");
    assertThat(r).startsWith("HTTP/1.1 200 ");
    assertThat(body(r)).isEmpty();
  }
}
