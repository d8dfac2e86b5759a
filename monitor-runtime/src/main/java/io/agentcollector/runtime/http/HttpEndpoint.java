package io.agentcollector.runtime.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.agentcollector.runtime.config.ConfigError;
import io.agentcollector.runtime.config.ListenAddress;
import io.prometheus.metrics.exporter.httpserver.HealthyHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The JDK HTTP server with {@code /metrics} (text and OpenMetrics cached per version of the data;
 * protobuf, filters and gzip through client_java), client_java's {@code /-/healthy}, and our
 * {@code /} landing page and {@code /-/ready}.
 */
public final class HttpEndpoint implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;

  private HttpEndpoint(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Binds and starts serving. A busy port or an unknown host is the user's to fix: {@link
   * ConfigError} naming {@code web.listen-address}.
   *
   * @param version changes whenever what {@code registry} would return changes (see {@link
   *     CachedMetricsHandler})
   */
  public static HttpEndpoint start(
      ListenAddress address,
      int threads,
      PrometheusRegistry registry,
      Supplier<Object> version,
      StatusPage status) {
    String where = "web.listen-address = \"" + address + "\"";
    HttpServer server;
    try {
      InetSocketAddress bind =
          address.host().isEmpty()
              ? new InetSocketAddress(address.port())
              : new InetSocketAddress(InetAddress.getByName(address.host()), address.port());
      server = HttpServer.create(bind, 3);
    } catch (BindException e) {
      throw new ConfigError(where + ": cannot listen: " + e.getMessage() + " (is another exporter running on port " + address.port() + "?)");
    } catch (UnknownHostException e) {
      throw new ConfigError(where + ": unknown host " + address.host());
    } catch (IOException e) {
      throw new ConfigError(where + ": cannot listen: " + e);
    }
    AtomicInteger n = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "http-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/metrics", new CachedMetricsHandler(registry, version));
    server.createContext("/-/healthy", new HealthyHandler());
    server.createContext("/", new Pages(status));
    server.start();
    return new HttpEndpoint(server, executor);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
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
