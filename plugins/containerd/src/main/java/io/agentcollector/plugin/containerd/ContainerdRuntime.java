package io.agentcollector.plugin.containerd;

import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.ContainerRuntime;
import io.agentcollector.plugin.containerd.ContainerMapping.Meta;
import io.agentcollector.plugin.containerd.ContainerMapping.Task;
import io.agentcollector.plugin.containerd.api.containers.Container;
import io.agentcollector.plugin.containerd.api.events.ContainerCreate;
import io.agentcollector.plugin.containerd.api.events.ContainerDelete;
import io.agentcollector.plugin.containerd.api.events.Envelope;
import io.agentcollector.plugin.containerd.api.events.TaskDelete;
import io.agentcollector.plugin.containerd.api.events.TaskExit;
import io.agentcollector.plugin.containerd.api.events.TaskOOM;
import io.agentcollector.plugin.containerd.api.events.TaskPaused;
import io.agentcollector.plugin.containerd.api.events.TaskResumed;
import io.agentcollector.plugin.containerd.api.events.TaskStart;
import io.agentcollector.plugin.containerd.api.types.Process;
import io.agentcollector.plugin.containerd.api.types.Status;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * monitor_container_runtime_up{runtime="containerd"} 0}) and reconnects with backoff; a socket
 * that never existed means there is no containerd on this host: no containers, no error.
 */
@Extension
public final class ContainerdRuntime implements ContainerRuntime {

  /** Guarded by {@code this}: containers by {@code namespace/id}, and their tasks. */
  private final Map<String, Meta> metas = new HashMap<>();
  private final Map<String, Task> tasks = new HashMap<>();

  private volatile String down = "not connected yet";
  private volatile boolean running = true;
  private volatile boolean everConnected;
  /** Released when the first connection attempt has succeeded or failed. */
  private final CountDownLatch firstAttempt = new CountDownLatch(1);
  private ContainerdConfig config;
  private ContainerdClient client;
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
    String problem = down;
    if (problem != null) {
      if (notInstalled()) {
        return List.of();
      }
      throw new IOException("containerd at " + config.socket() + ": " + problem);
    }
    List<ContainerInfo> out = new ArrayList<>();
    synchronized (this) {
      metas.forEach((key, m) -> out.add(ContainerMapping.toInfo(m, Optional.ofNullable(tasks.get(key)))));
    }
    return out;
  }

  private void watch() {
    long backoffMillis = 500;
    while (running) {
      CountDownLatch ended = new CountDownLatch(1);
      String[] why = {"event stream ended"};
      // grpc backs off its own reconnects (up to 2 min): we pace retries ourselves.
      channel.resetConnectBackoff();
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

  private StreamObserver<Envelope> observer(CountDownLatch ended, String[] why) {
    return new StreamObserver<>() {
      @Override
      public void onNext(Envelope e) {
        try {
          onEvent(e);
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

  /** Applies one event to the cache; a new container is looked up (its labels and spec). */
  void onEvent(Envelope e) throws com.google.protobuf.InvalidProtocolBufferException {
    String ns = e.getNamespace();
    if (!config.watches(ns)) {
      return;
    }
    var any = e.getEvent();
    // containerd 1.x names its event types without a host ("containerd.events.TaskExit"), which
    // protobuf's Any.is/unpack reject: compare the name after any '/' ourselves.
    String type = any.getTypeUrl().substring(any.getTypeUrl().lastIndexOf('/') + 1);
    Optional<Instant> at = ContainerMapping.time(e.hasTimestamp() ? e.getTimestamp() : null);
    if (type.equals(ContainerCreate.getDescriptor().getFullName())) {
      String id = ContainerCreate.parseFrom(any.getValue()).getId();
      Optional<Container> c = client.container(ns, id);
      synchronized (this) {
        c.ifPresent(x -> metas.put(ns + "/" + id, ContainerMapping.meta(ns, x)));
      }
    } else if (type.equals(ContainerDelete.getDescriptor().getFullName())) {
      String key = ns + "/" + ContainerDelete.parseFrom(any.getValue()).getId();
      synchronized (this) {
        metas.remove(key);
        tasks.remove(key);
      }
    } else if (type.equals(TaskStart.getDescriptor().getFullName())) {
      TaskStart t = TaskStart.parseFrom(any.getValue());
      String key = ns + "/" + t.getContainerId();
      boolean known;
      synchronized (this) {
        tasks.put(key, Task.started(t.getPid(), at));
        known = metas.containsKey(key);
      }
      if (!known) {
        // Created before we subscribed and after the last list: fetch it now.
        Optional<Container> c = client.container(ns, t.getContainerId());
        synchronized (this) {
          c.ifPresent(x -> metas.putIfAbsent(key, ContainerMapping.meta(ns, x)));
        }
      }
    } else if (type.equals(TaskExit.getDescriptor().getFullName())) {
      TaskExit t = TaskExit.parseFrom(any.getValue());
      // Exec'd processes exit too; only the init process (id = container id) ends the task.
      if (t.getId().isEmpty() || t.getId().equals(t.getContainerId())) {
        update(ns + "/" + t.getContainerId(), old -> old.exited(t.getExitStatus(),
            ContainerMapping.time(t.hasExitedAt() ? t.getExitedAt() : null)));
      }
    } else if (type.equals(TaskDelete.getDescriptor().getFullName())) {
      TaskDelete t = TaskDelete.parseFrom(any.getValue());
      if (t.getId().isEmpty() || t.getId().equals(t.getContainerId())) {
        // The task is gone but the container stays: keep showing how it ended.
        update(ns + "/" + t.getContainerId(), old -> old.exited(t.getExitStatus(),
            ContainerMapping.time(t.hasExitedAt() ? t.getExitedAt() : null)));
      }
    } else if (type.equals(TaskOOM.getDescriptor().getFullName())) {
      update(ns + "/" + TaskOOM.parseFrom(any.getValue()).getContainerId(), Task::oom);
    } else if (type.equals(TaskPaused.getDescriptor().getFullName())) {
      update(ns + "/" + TaskPaused.parseFrom(any.getValue()).getContainerId(), old -> old.withStatus(Status.PAUSED));
    } else if (type.equals(TaskResumed.getDescriptor().getFullName())) {
      update(ns + "/" + TaskResumed.parseFrom(any.getValue()).getContainerId(), old -> old.withStatus(Status.RUNNING));
    }
  }

  private synchronized void update(String key, java.util.function.UnaryOperator<Task> change) {
    Task old = tasks.get(key);
    // No task known (an event raced the list): start from an empty running task.
    tasks.put(key, change.apply(old != null ? old : Task.started(0, Optional.empty())));
  }

  /** Lists every watched namespace; containers and tasks that vanished meanwhile are dropped. */
  void resync() {
    List<String> namespaces = config.namespaces().isEmpty()
        ? client.namespaces().stream().filter(config::watches).toList() : config.namespaces();
    Map<String, Meta> newMetas = new HashMap<>();
    Map<String, Process> listed = new HashMap<>();
    for (String ns : namespaces) {
      for (Container c : client.containers(ns)) {
        newMetas.put(ns + "/" + c.getId(), ContainerMapping.meta(ns, c));
      }
      for (Process p : client.tasks(ns)) {
        // containerd 1.6 fills only `id` (= the container id) in the listed init processes.
        listed.put(ns + "/" + (p.getContainerId().isEmpty() ? p.getId() : p.getContainerId()), p);
      }
    }
    synchronized (this) {
      Map<String, Task> newTasks = new HashMap<>();
      for (String key : newMetas.keySet()) {
        Task before = tasks.get(key);
        Process p = listed.get(key);
        if (p != null) {
          // Keep what only events told us (start time, OOM) while it is the same process.
          boolean same = before != null && (before.pid() == p.getPid() || p.getStatus() == Status.STOPPED);
          newTasks.put(key, ContainerMapping.task(p, same ? before.startedAt() : Optional.empty(), same && before.oomKilled()));
        } else if (before != null && before.status() == Status.STOPPED) {
          // Its task was deleted: the exit we saw stays until the container goes.
          newTasks.put(key, before);
        }
      }
      metas.clear();
      metas.putAll(newMetas);
      tasks.clear();
      tasks.putAll(newTasks);
    }
  }

  private void markUp() {
    everConnected = true;
    if (down != null) {
      int n;
      synchronized (this) {
        n = metas.size();
      }
      log.info("connected to containerd at {} ({} containers)", config.socket(), n);
    }
    down = null;
    firstAttempt.countDown();
  }

  private void markDown(String reason) {
    boolean first = firstAttempt.getCount() > 0;
    if (down == null || first) {
      if (notInstalled()) {
        log.debug("no containerd socket at {}: no containerd containers on this host", config.socket());
      } else {
        log.warn("lost containerd at {}: {}; reconnecting", config.socket(), reason);
      }
    }
    down = reason;
    firstAttempt.countDown();
  }

  /** Never connected and no socket file: containerd is not on this host (empty, not an error). */
  private boolean notInstalled() {
    return !everConnected && !socketExists.getAsBoolean();
  }

  private static String describe(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String msg = root.getMessage();
    String top = t instanceof io.grpc.StatusRuntimeException s ? s.getStatus().getCode() + " " : "";
    return top + root.getClass().getSimpleName() + (msg == null ? "" : ": " + msg.replace('\n', ' '));
  }

  @Override
  public void stop() {
    running = false;
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
