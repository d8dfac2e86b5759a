package io.agentcollector.runtime.http;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.runtime.config.ListenAddress;
import io.agentcollector.runtime.selfmetrics.BuildInfo;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Fuzz target for the HTTP front as a client sees it: a request whose method, path, query ({@code
 * name[]}, {@code debug}, {@code escaping}, …) and headers ({@code Accept}, {@code
 * Accept-Encoding}, {@code Authorization}, anything) come from the fuzzer, sent over loopback to a
 * running front. A finding: any 5xx answer, or a front that then no longer answers {@code
 * /-/healthy}. Requests that stop mid-way are the server's to time out; the client gives up after 2
 * s and checks health. Seeds: {@code HttpRequestFuzzTestInputs/request/}.
 */
class HttpRequestFuzzTest {

  private static final List<String> PATHS =
      List.of("/metrics", "/", "/-/healthy", "/-/ready", "/x");
  private static final List<String> HEADERS =
      List.of(
          "Accept",
          "Accept-Encoding",
          "Authorization",
          "Content-Length",
          "Transfer-Encoding",
          "Host",
          "X-Any");
  private static HttpEndpoint endpoint;

  private static synchronized HttpEndpoint endpoint() {
    if (endpoint == null) {
      PrometheusRegistry registry = new PrometheusRegistry();
      Counter.builder()
          .name("fuzz_requests_total")
          .help("h")
          .labelNames("a")
          .register(registry)
          .labelValues("x")
          .inc();
      Gauge.builder().name("fuzz_temperature").help("h").register(registry).set(21.5);
      endpoint =
          HttpEndpoint.start(
              new HttpEndpoint.Settings(new ListenAddress("127.0.0.1", 0), 2, 64, null),
              registry,
              () -> 1,
              new StatusPage(new BuildInfo("1", "r", "17"), List.of(), Map.of(), Map.of()));
    }
    return endpoint;
  }

  @FuzzTest
  void request(FuzzedDataProvider data) throws Exception {
    int port = endpoint().port();
    StringBuilder req = new StringBuilder();
    req.append(data.pickValue(List.of("GET", "HEAD", "GET", "POST", data.consumeAsciiString(8))))
        .append(' ')
        .append(data.pickValue(PATHS));
    String query = data.consumeString(200);
    if (!query.isEmpty()) {
      req.append('?').append(query);
    }
    req.append(" HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n");
    int headers = data.consumeInt(0, 4);
    for (int i = 0; i < headers; i++) {
      req.append(data.pickValue(HEADERS))
          .append(": ")
          .append(data.consumeString(120))
          .append("\r\n");
    }
    req.append("\r\n").append(data.consumeRemainingAsString());
    String status = send(port, req.toString().getBytes(StandardCharsets.UTF_8), 2000);
    // 501 and 505 are Jetty's answers to a request line the fuzzer broke (a CR or space in the
    // query).
    if (status != null
        && status.matches("HTTP/1\\.[01] 5\\d\\d.*")
        && !status.matches("HTTP/1\\.[01] 50[15] .*")) {
      throw new AssertionError("server error: " + status + " for " + req);
    }
    String health =
        send(
            port,
            "GET /-/healthy HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII),
            5000);
    if (health == null || !health.startsWith("HTTP/1.1 200")) {
      throw new AssertionError("front no longer healthy after " + req + ": " + health);
    }
  }

  /** The status line, or null when the server closed or timed out without one. */
  private static String send(int port, byte[] request, int timeoutMillis) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(timeoutMillis);
      OutputStream out = s.getOutputStream();
      out.write(request);
      out.flush();
      InputStream in = s.getInputStream();
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = in.read()) >= 0 && c != '\n' && line.length() < 200) {
        line.append((char) c);
      }
      return line.length() == 0 ? null : line.toString().strip();
    } catch (SocketTimeoutException | java.net.SocketException e) {
      return null;
    }
  }
}
