package io.agentcollector.runtime.http;

import io.agentcollector.runtime.http.webconfig.WebConfig;
import io.agentcollector.runtime.http.webconfig.WebConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the web config file (and the certificate, key and CA files it names) once a second when
 * one of them changed: a good edit applies to the next request or handshake and logs one INFO; a
 * broken one keeps the previous config and logs one WARN. Turning TLS on or off needs a restart, as
 * in exporter-toolkit, which decides HTTP or HTTPS once at start.
 */
final class WebConfigWatcher implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(WebConfigWatcher.class);

  private final Path file;
  private final AtomicReference<WebConfig> current;
  private final SslContextFactory.Server ssl;
  private final Scheduler scheduler;
  private List<String> stamps;
  private volatile boolean stopped;

  WebConfigWatcher(
      Path file,
      AtomicReference<WebConfig> current,
      SslContextFactory.Server ssl,
      Scheduler scheduler) {
    this.file = file;
    this.current = current;
    this.ssl = ssl;
    this.scheduler = scheduler;
    this.stamps = stamps(watched());
  }

  void start() {
    scheduler.schedule(this, 1, TimeUnit.SECONDS);
  }

  void stop() {
    stopped = true;
  }

  @Override
  public void run() {
    if (stopped) {
      return;
    }
    try {
      List<String> now = stamps(watched());
      if (!now.equals(stamps)) {
        reload();
        // a good edit may name other files: watch those from now on
        stamps = stamps(watched());
      }
    } catch (RuntimeException e) {
      log.warn("web config {}: not reloaded, keeping the previous one: {}", file, e.toString());
    }
    scheduler.schedule(this, 1, TimeUnit.SECONDS);
  }

  /** Checks and applies the file now; false (with one WARN) when it is broken. */
  boolean reload() {
    try {
      WebConfig next = WebConfig.load(file);
      if ((next.tls() == null) != (ssl == null)) {
        throw new WebConfigException(
            file
                + ": tls_server_config "
                + (ssl == null ? "added" : "removed")
                + ": turning TLS on or off takes a restart");
      }
      if (ssl != null) {
        ssl.reload(f -> TlsContexts.configure(f, next.tls()));
      }
      current.set(next);
      log.info(
          "web config {} reloaded: TLS {}, {} basic auth users, {} headers",
          file,
          next.tls() == null ? "off" : next.tls().clientAuth(),
          next.users().size(),
          next.headers().size());
      return true;
    } catch (WebConfigException e) {
      log.warn("web config not reloaded, keeping the previous one: {}", e.getMessage());
    } catch (Exception e) {
      log.warn("web config {}: not reloaded, keeping the previous one: {}", file, e.toString());
    }
    return false;
  }

  private Set<Path> watched() {
    Set<Path> out = new LinkedHashSet<>();
    out.add(file);
    out.addAll(current.get().files());
    return out;
  }

  /** Modification time and size per file; a missing file is a state of its own. */
  private static List<String> stamps(Set<Path> files) {
    List<String> out = new ArrayList<>();
    for (Path p : files) {
      try {
        out.add(p + " " + Files.getLastModifiedTime(p).toInstant() + " " + Files.size(p));
      } catch (IOException e) {
        out.add(p + " missing");
      }
    }
    return out;
  }
}
