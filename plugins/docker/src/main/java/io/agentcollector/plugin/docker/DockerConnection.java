package io.agentcollector.plugin.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.agentcollector.api.Failures;
import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.Daemon;
import io.agentcollector.api.container.DaemonWatch;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * Docker's calls for the {@link DaemonWatch}: the Engine API client, made at the first connect (a
 * host without Docker never creates docker-java's transport), the container event stream and list +
 * inspect into the cache. Never calls the stats API.
 */
final class DockerConnection implements Daemon {

  private static final int FULL_RESYNC_EVERY = 10;

  private final DockerConfig config;
  private final Logger log;
  private final Map<String, ContainerInfo> cache = new ConcurrentHashMap<>();
  // Guarded by this; the client is set by the first connect.
  private boolean closed;
  private volatile DockerClient client;
  private volatile boolean systemdDriver;

  /** Resyncs since the connection opened (only the watcher thread touches it). */
  private int resyncs;

  DockerConnection(DockerConfig config, Logger log) {
    this.config = config;
    this.log = log;
  }

  @Override
  public String address() {
    return config.socket().toString();
  }

  /** A unix socket's file, or a TCP address: something to dial. */
  @Override
  public boolean socketPresent() {
    URI socket = config.socket();
    return !"unix".equals(socket.getScheme()) || Files.exists(Path.of(socket.getPath()));
  }

  List<ContainerInfo> containers() {
    return new ArrayList<>(cache.values());
  }

  @Override
  public synchronized void connect() {
    if (closed) {
      throw new IllegalStateException("stopped");
    }
    if (client == null) {
      var cfg =
          DefaultDockerClientConfig.createDefaultConfigBuilder()
              .withDockerHost(config.socket().toString())
              .build();
      var http =
          new ApacheDockerHttpClient.Builder()
              .dockerHost(cfg.getDockerHost())
              .sslConfig(cfg.getSSLConfig())
              .maxConnections(8)
              .connectionTimeout(Duration.ofSeconds(3))
              .responseTimeout(config.requestTimeout())
              .build();
      client = DockerClientImpl.getInstance(cfg, http);
    }
  }

  @Override
  public AutoCloseable subscribe(StreamEnd end) {
    return client
        .eventsCmd()
        .withEventTypeFilter(EventType.CONTAINER)
        .exec(
            new ResultCallback.Adapter<>() {
              @Override
              public void onNext(Event e) {
                onEvent(e);
              }

              @Override
              public void onError(Throwable t) {
                end.ended(t);
              }

              @Override
              public void onComplete() {
                end.ended(null);
              }
            });
  }

  /** start, die, pause, unpause, oom, destroy, …: re-inspect, or forget on destroy. */
  private void onEvent(Event e) {
    String id = e.getId();
    String action = e.getAction() != null ? e.getAction() : e.getStatus();
    if (id == null || action == null) {
      return;
    }
    if (action.equals("destroy")) {
      cache.remove(id);
      return;
    }
    try {
      cache.put(id, InspectMapping.toInfo(client.inspectContainerCmd(id).exec(), systemdDriver));
    } catch (NotFoundException gone) {
      cache.remove(id);
    } catch (RuntimeException ex) {
      log.debug("inspect {} after {} failed: {}", id, action, Failures.summary(ex));
    }
  }

  /**
   * Lists everything and inspects what is new or changed state (all of it after a (re)connect and
   * at every {@value #FULL_RESYNC_EVERY}th resync, for what a list cannot show, such as a restart
   * missed between two lists); containers that vanished meanwhile are dropped. Inspecting all of
   * 200 containers every minute cost more CPU than collecting them.
   */
  @Override
  public void resync(boolean afterConnect) {
    if (afterConnect) {
      resyncs = 0; // containers may have restarted meanwhile
    }
    boolean systemd = "systemd".equalsIgnoreCase(client.infoCmd().exec().getCGroupDriver());
    boolean full = systemd != systemdDriver || resyncs++ % FULL_RESYNC_EVERY == 0;
    systemdDriver = systemd;
    Set<String> ids = new HashSet<>();
    for (Container c : client.listContainersCmd().withShowAll(true).exec()) {
      ids.add(c.getId());
      ContainerInfo known = cache.get(c.getId());
      if (!full && known != null && known.state() == InspectMapping.state(c.getState())) {
        continue;
      }
      try {
        cache.put(
            c.getId(),
            InspectMapping.toInfo(client.inspectContainerCmd(c.getId()).exec(), systemdDriver));
      } catch (NotFoundException gone) {
        ids.remove(c.getId());
      }
    }
    cache.keySet().retainAll(ids);
  }

  @Override
  public int containerCount() {
    return cache.size();
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (client != null) {
      try {
        client.close();
      } catch (IOException | RuntimeException e) {
        // Shutting down.
      }
    }
  }
}
