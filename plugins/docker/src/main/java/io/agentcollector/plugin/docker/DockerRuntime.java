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
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.ContainerRuntime;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * Docker containers from the Engine API: list + inspect once connected, then the container event
 * stream keeps the cache current, with a full resync every {@code resync-interval}. Losing
 * dockerd makes {@link #containers} fail (visible in the self-metrics) and reconnects with
 * backoff; the answer is right again as soon as the daemon answers. Never calls the stats API.
 */
@Extension
public final class DockerRuntime implements ContainerRuntime {

  private final Map<String, ContainerInfo> cache = new ConcurrentHashMap<>();
  private volatile String down = "not connected yet";
  private volatile boolean running = true;
  private volatile boolean systemdDriver;
  private static final int FULL_RESYNC_EVERY = 10;
  /** Resyncs since the connection opened (only the watcher thread touches it). */
  private int resyncs;
  /** Once connected, losing dockerd is a failure; before, a missing socket means "no Docker here". */
  private volatile boolean everConnected;
  /** Released when the first connection attempt has succeeded or failed. */
  private final CountDownLatch firstAttempt = new CountDownLatch(1);
  private DockerConfig config;
  private DockerClient client;
  private Thread watcher;
  private Logger log;

  @Override
  public String name() {
    return "docker";
  }

  @Override
  public void start(CollectorContext context) {
    config = DockerConfig.from(context.config());
    log = context.logger();
    var cfg = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(config.socket().toString()).build();
    var http = new ApacheDockerHttpClient.Builder()
        .dockerHost(cfg.getDockerHost())
        .sslConfig(cfg.getSSLConfig())
        .maxConnections(8)
        .connectionTimeout(Duration.ofSeconds(3))
        .responseTimeout(config.requestTimeout())
        .build();
    client = DockerClientImpl.getInstance(cfg, http);
    // Connect in the background: the agent serves /metrics at once, docker or not.
    watcher = new Thread(this::watch, "docker-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  @Override
  public List<ContainerInfo> containers() throws IOException, InterruptedException {
    // The first cycle usually runs while we connect: wait for that answer (bounded) rather than
    // report a failure that is only a start-up race.
    firstAttempt.await(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    String problem = down;
    if (problem != null) {
      if (notInstalled()) {
        return List.of();
      }
      throw new IOException("docker at " + config.socket() + ": " + problem);
    }
    return new ArrayList<>(cache.values());
  }

  private void watch() {
    long backoffMillis = 500;
    while (running) {
      if (notInstalled()) {
        // No Docker here (yet): wait for its socket without dialling; a failed connection costs
        // docker-java's transport and an exception chain every few seconds (as containerd's).
        markDown("no socket at " + config.socket());
        try {
          Thread.sleep(Math.max(500, config.reconnectMaxBackoff().toMillis()));
        } catch (InterruptedException e) {
          return;
        }
        continue;
      }
      CountDownLatch ended = new CountDownLatch(1);
      String[] why = {"event stream ended"};
      try (ResultCallback.Adapter<Event> events = subscribe(ended, why)) {
        resyncs = 0; // (re)connected: inspect everything, containers may have restarted meanwhile
        resync();
        markUp();
        backoffMillis = 500;
        long nextResync = System.nanoTime() + config.resyncInterval().toNanos();
        while (running && !ended.await(1, TimeUnit.SECONDS)) {
          if (System.nanoTime() > nextResync) {
            resync();
            nextResync = System.nanoTime() + config.resyncInterval().toNanos();
          }
        }
        if (running) {
          markDown(why[0]);
        }
      } catch (InterruptedException e) {
        return;
      } catch (Exception | LinkageError e) {
        markDown(describe(e));
      }
      if (!running) {
        return;
      }
      try {
        Thread.sleep(backoffMillis);
      } catch (InterruptedException e) {
        return;
      }
      backoffMillis = Math.min(backoffMillis * 2, Math.max(500, config.reconnectMaxBackoff().toMillis()));
    }
  }

  private ResultCallback.Adapter<Event> subscribe(CountDownLatch ended, String[] why) {
    return client.eventsCmd()
        .withEventTypeFilter(EventType.CONTAINER)
        .exec(new ResultCallback.Adapter<>() {
          @Override
          public void onNext(Event e) {
            onEvent(e);
          }

          @Override
          public void onError(Throwable t) {
            why[0] = describe(t);
            ended.countDown();
          }

          @Override
          public void onComplete() {
            ended.countDown();
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
      log.debug("inspect {} after {} failed: {}", id, action, describe(ex));
    }
  }

  /**
   * Lists everything and inspects what is new or changed state (all of it on the first and every
   * {@value #FULL_RESYNC_EVERY}th resync, for what a list cannot show, such as a restart missed
   * between two lists); containers that vanished meanwhile are dropped. Inspecting all of 200
   * containers every minute cost more CPU than collecting them.
   */
  private void resync() {
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
        cache.put(c.getId(), InspectMapping.toInfo(client.inspectContainerCmd(c.getId()).exec(), systemdDriver));
      } catch (NotFoundException gone) {
        ids.remove(c.getId());
      }
    }
    cache.keySet().retainAll(ids);
  }

  private void markUp() {
    everConnected = true;
    if (down != null) {
      log.info("connected to docker at {} ({} containers)", config.socket(), cache.size());
    }
    down = null;
    // Only now: a first cycle waiting on the latch must see down == null, not "not connected yet".
    firstAttempt.countDown();
  }

  private void markDown(String reason) {
    boolean first = firstAttempt.getCount() > 0;
    if (down == null || first) {
      if (notInstalled()) {
        log.debug("no docker socket at {}: no Docker containers on this host", config.socket());
      } else {
        log.warn("lost docker at {}: {}; reconnecting", config.socket(), reason);
      }
    }
    down = reason;
    firstAttempt.countDown();
  }

  /** Never connected and no socket file: Docker is not on this host (an empty result, not an error). */
  private boolean notInstalled() {
    return !everConnected && "unix".equals(config.socket().getScheme())
        && !java.nio.file.Files.exists(java.nio.file.Path.of(config.socket().getPath()));
  }

  private static String describe(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String msg = root.getMessage();
    return root.getClass().getSimpleName() + (msg == null ? "" : ": " + msg.replace('\n', ' '));
  }

  @Override
  public void stop() {
    running = false;
    if (watcher != null) {
      watcher.interrupt();
    }
    if (client != null) {
      try {
        client.close();
      } catch (IOException | RuntimeException e) {
        // Shutting down.
      }
    }
  }
}
