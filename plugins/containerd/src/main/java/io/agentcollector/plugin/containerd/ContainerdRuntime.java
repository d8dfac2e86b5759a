package io.agentcollector.plugin.containerd;

import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.ContainerRuntime;
import io.agentcollector.plugin.containerd.ContainerMapping.Meta;
import io.agentcollector.plugin.containerd.api.containers.Container;
import io.agentcollector.plugin.containerd.api.events.Envelope;
import io.agentcollector.plugin.containerd.api.types.Process;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * containerd containers over its gRPC API on the unix socket: list every container and task of
 * the watched namespaces once connected, then the task and container events keep the cache
 * current, with a full resync every {@code resync-interval}. {@link #containers} answers from
 * the cache. Losing containerd makes it fail (visible as {@code
 * monitor_container_runtime_up{runtime="containerd"} 0}) and reconnects with backoff, and once
 * more at each cycle; a socket that never existed means there is no containerd on this host: no
 * containers, no error.
 */
@Extension
public final class ContainerdRuntime implements ContainerRuntime {

  /** How long a collector cycle waits for the reconnect attempt it asked for while containerd is down. */
  static final Duration RETRY_WAIT = Duration.ofSeconds(1);

  private final ContainerCache cache = new ContainerCache();
  private volatile String down = "not connected yet";
  private volatile boolean running = true;
  private volatile boolean everConnected;
  /** Released when the first connection attempt has succeeded or failed. */
  private final CountDownLatch firstAttempt = new CountDownLatch(1);
  /** Guards {@code attempts} and {@code retryNow}: a cycle can cut the backoff short. */
  private final Object attemptLock = new Object();
  private long attempts;
  private boolean retryNow;
  private ContainerdConfig config;
  private ContainerdClient client;
  private ContainerdEvents events;
  private ManagedChannel channel;
  private EventLoopGroup eventLoop;
  private BooleanSupplier socketExists;
  private Thread watcher;
  private Logger log;

  @Override
  public String name() {
    return ContainerMapping.RUNTIME;
  }

  @Override
  public void start(CollectorContext context) {
    ContainerdConfig cfg = ContainerdConfig.from(context.config());
    // One daemon thread is plenty for one connection; daemon so it never holds the JVM.
    eventLoop = new EpollEventLoopGroup(1, new DefaultThreadFactory("containerd-grpc", true));
    ManagedChannel ch = NettyChannelBuilder.forAddress(new DomainSocketAddress(cfg.socket().toString()))
        .eventLoopGroup(eventLoop)
        .channelType(EpollDomainSocketChannel.class)
        // grpc asks every transport for TCP keep-alive, which a unix socket does not have (Netty
        // then warns on each connect); null takes the option off.
        .withOption(ChannelOption.SO_KEEPALIVE, null)
        .usePlaintext()
        // containerd ignores :authority; a socket path is not a valid one.
        .overrideAuthority("localhost")
        // Lists with full OCI specs get large on busy Kubernetes nodes.
        .maxInboundMessageSize(64 * 1024 * 1024)
        .build();
    start(cfg, context.logger(), ch, () -> Files.exists(cfg.socket()));
  }

  /** Starts on a given channel (tests use an in-process one). */
  void start(ContainerdConfig cfg, Logger logger, ManagedChannel ch, BooleanSupplier socketCheck) {
    config = cfg;
    log = logger;
    channel = ch;
    socketExists = socketCheck;
    client = new ContainerdClient(channel, config.requestTimeout());
    events = new ContainerdEvents(config, client, cache);
    // Connect in the background: the agent serves /metrics at once, containerd or not.
    watcher = new Thread(this::watch, "containerd-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  @Override
  public List<ContainerInfo> containers() throws IOException, InterruptedException {
    // The first cycle usually runs while we connect: wait for that answer (bounded) rather than
    // report a failure that is only a start-up race.
    firstAttempt.await(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    if (down != null && socketExists.getAsBoolean()) {
      // containerd may be back since the last attempt: try now instead of after the backoff, so
      // the first cycle after its return is right.
      retryNow(RETRY_WAIT);
    }
    String problem = down;
    if (problem != null) {
      if (notInstalled()) {
        return List.of();
      }
      throw new IOException("containerd at " + config.socket() + ": " + problem);
    }
    return cache.infos();
  }

  /** Wakes the watcher for an attempt now and waits (at most {@code max}) for an attempt to end. */
  private void retryNow(Duration max) throws InterruptedException {
    synchronized (attemptLock) {
      long seen = attempts;
      retryNow = true;
      attemptLock.notifyAll();
      long deadline = System.nanoTime() + max.toNanos();
      long left;
      while (attempts == seen && running && (left = deadline - System.nanoTime()) > 0) {
        TimeUnit.NANOSECONDS.timedWait(attemptLock, left);
      }
    }
  }

  private void watch() {
    long backoffMillis = 500;
    while (running) {
      if (notInstalled()) {
        // No containerd here (yet): wait for its socket without dialling, which would load and
        // allocate the whole gRPC/Netty transport (~8 MB RSS) on hosts that never run containerd.
        markDown("no socket at " + config.socket());
        try {
          awaitRetry(Math.max(500, config.reconnectMaxBackoff().toMillis()));
        } catch (InterruptedException e) {
          return;
        }
        continue;
      }
      CountDownLatch ended = new CountDownLatch(1);
      String[] why = {"event stream ended"};
      // grpc backs off its own reconnects (up to 2 min): we pace retries ourselves.
      channel.resetConnectBackoff();
      // Subscribe before listing, so nothing that happens after the listing is missed.
      Context.CancellableContext stream = client.subscribe(observer(ended, why));
      try {
        resync();
        markUp();
        backoffMillis = 500;
        long nextResync = System.nanoTime() + config.resyncInterval().toNanos();
        while (running && !ended.await(200, TimeUnit.MILLISECONDS)) {
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
      } finally {
        stream.cancel(null);
      }
      try {
        awaitRetry(backoffMillis);
      } catch (InterruptedException e) {
        return;
      }
      backoffMillis = Math.min(backoffMillis * 2, Math.max(500, config.reconnectMaxBackoff().toMillis()));
    }
  }

  /** Sleeps the backoff, or less if a cycle asks for an attempt now. */
  private void awaitRetry(long millis) throws InterruptedException {
    synchronized (attemptLock) {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
      long left;
      while (running && !retryNow && (left = deadline - System.nanoTime()) > 0) {
        TimeUnit.NANOSECONDS.timedWait(attemptLock, left);
      }
      retryNow = false;
    }
  }

  private StreamObserver<Envelope> observer(CountDownLatch ended, String[] why) {
    return new StreamObserver<>() {
      @Override
      public void onNext(Envelope e) {
        try {
          events.apply(e);
        } catch (RuntimeException | com.google.protobuf.InvalidProtocolBufferException ex) {
          // A failed lookup or a payload not matching its type for one event; the next resync repairs the cache.
          log.debug("containerd event {} in {} not applied: {}", e.getTopic(), e.getNamespace(), describe(ex));
        }
      }

      @Override
      public void onError(Throwable t) {
        why[0] = describe(t);
        ended.countDown();
      }

      @Override
      public void onCompleted() {
        ended.countDown();
      }
    };
  }

  /** Lists every watched namespace; the cache keeps what events changed meanwhile. */
  void resync() {
    long since = cache.mark();
    List<String> namespaces = config.namespaces().isEmpty()
        ? client.namespaces().stream().filter(config::watches).toList() : config.namespaces();
    Map<String, Meta> listed = new HashMap<>();
    Map<String, Process> listedTasks = new HashMap<>();
    for (String ns : namespaces) {
      for (Container c : client.containers(ns)) {
        listed.put(ContainerCache.key(ns, c.getId()), ContainerMapping.meta(ns, c));
      }
      for (Process p : client.tasks(ns)) {
        // containerd 1.6 fills only `id` (= the container id) in the listed init processes.
        listedTasks.put(ContainerCache.key(ns, p.getContainerId().isEmpty() ? p.getId() : p.getContainerId()), p);
      }
    }
    cache.replace(since, listed, listedTasks);
  }

  /*
   * Connection changes are logged at debug: the containers collector logs the one line per change
   * that operators see ("container runtime containerd not answering" / "answers again"), with
   * this runtime's reason. Only the first connection is logged here, as where containerd was found.
   */
  private void markUp() {
    if (!everConnected) {
      log.info("connected to containerd at {} ({} containers)", config.socket(), cache.size());
    } else if (down != null) {
      log.debug("reconnected to containerd at {} ({} containers)", config.socket(), cache.size());
    }
    everConnected = true;
    down = null;
    attemptEnded();
  }

  private void markDown(String reason) {
    if (!reason.equals(down)) {
      if (notInstalled()) {
        log.debug("no containerd socket at {}: no containerd containers on this host", config.socket());
      } else {
        log.debug("containerd at {} not answering: {}; reconnecting", config.socket(), reason);
      }
    }
    down = reason;
    attemptEnded();
  }

  private void attemptEnded() {
    firstAttempt.countDown();
    synchronized (attemptLock) {
      attempts++;
      attemptLock.notifyAll();
    }
  }

  /** Never connected and no socket file: containerd is not on this host (empty, not an error). */
  private boolean notInstalled() {
    return !everConnected && !socketExists.getAsBoolean();
  }

  /** e.g. "UNAVAILABLE: io exception (ConnectException: connect(..) failed: Connection refused)". */
  private static String describe(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    StringBuilder b = new StringBuilder();
    if (t instanceof io.grpc.StatusRuntimeException s) {
      b.append(s.getStatus().getCode());
      if (s.getStatus().getDescription() != null) {
        b.append(": ").append(s.getStatus().getDescription());
      }
      if (root == t) {
        return b.toString();
      }
      b.append(" (");
    }
    b.append(root.getClass().getSimpleName());
    if (root.getMessage() != null) {
      b.append(": ").append(root.getMessage().replace('\n', ' '));
    }
    return t instanceof io.grpc.StatusRuntimeException ? b.append(')').toString() : b.toString();
  }

  @Override
  public void stop() {
    running = false;
    synchronized (attemptLock) {
      attemptLock.notifyAll();
    }
    if (watcher != null) {
      watcher.interrupt();
    }
    if (channel != null) {
      channel.shutdownNow();
    }
    if (eventLoop != null) {
      eventLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }
}
