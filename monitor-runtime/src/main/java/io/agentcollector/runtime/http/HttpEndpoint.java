package io.agentcollector.runtime.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.agentcollector.runtime.config.ConfigError;
import io.agentcollector.runtime.config.ListenAddress;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * client_java's HTTP server: {@code /metrics} (text, OpenMetrics, protobuf, gzip), {@code
 * /-/healthy}, and our {@code /} landing page and {@code /-/ready}.
 */
public final class HttpEndpoint implements AutoCloseable {

  private final HTTPServer server;
  private final ExecutorService executor;

  private HttpEndpoint(HTTPServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Binds and starts serving. A busy port or an unknown host is the user's to fix: {@link
   * ConfigError} naming {@code web.listen-address}.
   */
  public static HttpEndpoint start(
      ListenAddress address, int threads, PrometheusRegistry registry, StatusPage status) {
    AtomicInteger n = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "http-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    HTTPServer.Builder b =
        HTTPServer.builder()
            .port(address.port())
            .registry(registry)
            .executorService(executor)
            .registerHealthHandler(true)
            .defaultHandler(new Pages(status));
    String where = "web.listen-address = \"" + address + "\"";
    try {
      if (!address.host().isEmpty()) {
        b.inetAddress(InetAddress.getByName(address.host()));
      }
      return new HttpEndpoint(b.buildAndStart(), executor);
    } catch (BindException e) {
      executor.shutdownNow();
      throw new ConfigError(where + ": cannot listen: " + e.getMessage() + " (is another exporter running on port " + address.port() + "?)");
    } catch (UnknownHostException e) {
      executor.shutdownNow();
      throw new ConfigError(where + ": unknown host " + address.host());
    } catch (IOException e) {
      executor.shutdownNow();
      throw new ConfigError(where + ": cannot listen: " + e);
    }
  }

  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    server.stop();
    executor.shutdownNow();
  }

  /** {@code /} and {@code /-/ready}; everything else the metrics handler does not take is 404. */
  private record Pages(StatusPage status) implements HttpHandler {
    @Override
    public void handle(HttpExchange exchange) throws IOException {
      try (exchange) {
        String path = exchange.getRequestURI().getPath();
        switch (path) {
          case "/" -> send(exchange, 200, "text/html; charset=utf-8", status.html());
          case "/-/ready" -> {
            var waiting = status.notReady();
            if (waiting.isEmpty()) {
              send(exchange, 200, "text/plain; charset=utf-8", "Ready\n");
            } else {
              send(exchange, 503, "text/plain; charset=utf-8",
                  "Not ready: no cycle finished yet for " + String.join(", ", waiting) + "\n");
            }
          }
          default -> send(exchange, 404, "text/plain; charset=utf-8", "Not found\n");
        }
      }
    }

    private static void send(HttpExchange exchange, int code, String type, String body)
        throws IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(code, head ? -1 : bytes.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }
}
