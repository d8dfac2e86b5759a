package io.agentcollector.runtime.http;

import io.agentcollector.runtime.config.ConfigError;
import io.agentcollector.runtime.config.ListenAddress;
import io.agentcollector.runtime.http.webconfig.WebConfig;
import io.agentcollector.runtime.http.webconfig.WebConfigException;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The HTTP front: Jetty's NIO server (core API, no servlets) with {@code /metrics}, {@code /},
 * {@code /-/healthy} and {@code /-/ready}, optionally TLS and basic auth from the web config file.
 * A stalled or slow client holds a connection and a little memory, never a thread.
 */
public final class HttpEndpoint implements AutoCloseable {

  /** Idle timeout of a connection: reading nothing, or a client reading none of what we write. */
  static final long IDLE_TIMEOUT_MS = 10_000;

  /** Request line plus headers must arrive within about two of these. */
  static final long HEADER_PERIOD_MS = 5_000;

  /** Asked of Jetty for every connection while the limit is reached (helps where it applies). */
  static final long CROWDED_IDLE_TIMEOUT_MS = 2_000;

  static final int ACCEPT_BACKLOG = 1024;

  private final Server server;
  private final ServerConnector connector;
  private final WebConfigWatcher watcher;

  private HttpEndpoint(Server server, ServerConnector connector, WebConfigWatcher watcher) {
    this.server = server;
    this.connector = connector;
    this.watcher = watcher;
  }

  /** The front's limits; {@code webConfigFile} null: plain HTTP without auth. */
  public record Settings(
      ListenAddress address, int maxRequests, int maxConnections, Path webConfigFile) {}

  /**
   * Binds and starts serving. A busy port, an unknown host or a bad web config file is the user's
   * to fix: {@link ConfigError} naming the key.
   *
   * @param version changes whenever what {@code registry} would return changes (see {@link
   *     CachedMetricsHandler})
   */
  public static HttpEndpoint start(
      Settings settings, PrometheusRegistry registry, Supplier<Object> version, StatusPage status) {
    ListenAddress address = settings.address();
    String where = "web.listen-address = \"" + address + "\"";
    String host = resolve(address, where);
    WebConfig web = loadWebConfig(settings.webConfigFile());
    AtomicReference<WebConfig> current = new AtomicReference<>(web);

    // One acceptor and one selector thread plus the request workers.
    QueuedThreadPool pool = new QueuedThreadPool(settings.maxRequests() + 2, 2, 30_000);
    pool.setName("http");
    pool.setDaemon(true);
    pool.setReservedThreads(0);
    Server server = new Server(pool);
    ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler("http-timer", true);
    server.addBean(scheduler);

    SslContextFactory.Server ssl = web.tls() == null ? null : TlsContexts.create(web.tls());
    ServerConnector connector = connector(server, scheduler, ssl, host, address.port());
    server.addConnector(connector);
    NetworkConnectionLimit limit = new NetworkConnectionLimit(settings.maxConnections(), connector);
    limit.setEndPointIdleTimeout(CROWDED_IDLE_TIMEOUT_MS);
    server.addBean(limit);

    Routes routes =
        new Routes(
            Map.of(
                "/metrics", new CachedMetricsHandler(registry, version),
                "/", Pages.landing(status),
                "/-/healthy", Pages.healthy(),
                "/-/ready", Pages.ready(status)));
    server.setHandler(new WebFront(current, routes));
    ErrorHandler errors = new ErrorHandler();
    errors.setShowStacks(false);
    errors.setShowCauses(false);
    errors.setDefaultResponseMimeType("text/plain");
    server.setErrorHandler(errors);
    start(server, address, where);
    WebConfigWatcher watcher = null;
    if (settings.webConfigFile() != null) {
      watcher = new WebConfigWatcher(settings.webConfigFile(), current, ssl, scheduler);
      watcher.start();
    }
    return new HttpEndpoint(server, connector, watcher);
  }

  /**
   * One acceptor thread and one selector thread, HTTP/1.1, TLS when {@code ssl}. Not 0 acceptors
   * (the selector accepting): Jetty 12.1 then closes the listening socket when the connection limit
   * pauses accepting, and the agent stops answering for good (seen with 957 connections).
   */
  private static ServerConnector connector(
      Server server,
      ScheduledExecutorScheduler scheduler,
      SslContextFactory.Server ssl,
      String host,
      int port) {
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    ConnectionFactory[] factories;
    if (ssl == null) {
      factories = new ConnectionFactory[] {new HttpConnectionFactory(http)};
    } else {
      // No SNI host check: scrapers address nodes by IP, which a certificate rarely names.
      http.addCustomizer(new SecureRequestCustomizer(false));
      factories =
          new ConnectionFactory[] {
            new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http)
          };
    }
    ServerConnector connector = new ServerConnector(server, null, scheduler, null, 1, 1, factories);
    connector.setHost(host);
    connector.setPort(port);
    connector.setAcceptQueueSize(ACCEPT_BACKLOG);
    connector.setIdleTimeout(IDLE_TIMEOUT_MS);
    connector.addBean(new HeaderDeadline(scheduler, HEADER_PERIOD_MS));
    return connector;
  }

  private static String resolve(ListenAddress address, String where) {
    if (address.host().isEmpty()) {
      return null;
    }
    try {
      return InetAddress.getByName(address.host()).getHostAddress();
    } catch (UnknownHostException e) {
      throw new ConfigError(where + ": unknown host " + address.host());
    }
  }

  /**
   * The web config file checked as at start ({@link WebConfig#NONE} for null); {@link ConfigError}
   * if bad.
   */
  public static WebConfig loadWebConfig(Path file) {
    if (file == null) {
      return WebConfig.NONE;
    }
    try {
      return WebConfig.load(file);
    } catch (WebConfigException e) {
      throw new ConfigError("web.config-file = \"" + file + "\": " + e.getMessage());
    }
  }

  private static void start(Server server, ListenAddress address, String where) {
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly(server);
      Throwable cause = e;
      while (cause != null && !(cause instanceof BindException)) {
        cause = cause.getCause();
      }
      if (cause != null) {
        throw new ConfigError(
            where
                + ": cannot listen: "
                + cause.getMessage()
                + " (is another exporter running on port "
                + address.port()
                + "?)");
      }
      if (e instanceof IOException) {
        throw new ConfigError(where + ": cannot listen: " + e);
      }
      throw new IllegalStateException("HTTP server did not start: " + e, e);
    }
  }

  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() {
    if (watcher != null) {
      watcher.stop();
    }
    stopQuietly(server);
  }

  private static void stopQuietly(Server server) {
    try {
      server.setStopTimeout(0);
      server.stop();
    } catch (Exception e) {
      // closing: nothing left to serve
    }
  }
}
