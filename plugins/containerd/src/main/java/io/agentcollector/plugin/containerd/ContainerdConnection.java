package io.agentcollector.plugin.containerd;

import com.google.protobuf.InvalidProtocolBufferException;
import io.agentcollector.api.Failures;
import io.agentcollector.api.container.Daemon;
import io.agentcollector.api.container.DaemonWatch;
import io.agentcollector.plugin.containerd.ContainerMapping.Meta;
import io.agentcollector.plugin.containerd.api.containers.Container;
import io.agentcollector.plugin.containerd.api.events.Envelope;
import io.agentcollector.plugin.containerd.api.types.Process;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * containerd's calls for the {@link DaemonWatch}: the gRPC channel, made at the first connect (so a
 * host without containerd never loads grpc's transport), the event stream applied to the {@link
 * ContainerCache}, and the listing of every watched namespace.
 */
final class ContainerdConnection implements Daemon {

  private final ContainerdConfig config;
  private final ContainerCache cache;
  private final Supplier<ManagedChannel> channels;
  private final BooleanSupplier socketExists;
  private final Logger log;
  // Guarded by this; set by the first connect.
  private ManagedChannel channel;
  private boolean closed;
  private volatile ContainerdClient client;
  private volatile ContainerdEvents events;

  ContainerdConnection(
      ContainerdConfig config,
      ContainerCache cache,
      Supplier<ManagedChannel> channels,
      BooleanSupplier socketExists,
      Logger log) {
    this.config = config;
    this.cache = cache;
    this.channels = channels;
    this.socketExists = socketExists;
    this.log = log;
  }

  @Override
  public String address() {
    return config.socket().toString();
  }

  @Override
  public boolean socketPresent() {
    return socketExists.getAsBoolean();
  }

  @Override
  public synchronized void connect() {
    if (closed) {
      throw new IllegalStateException("stopped");
    }
    if (channel == null) {
      channel = channels.get();
      client = new ContainerdClient(channel, config.requestTimeout());
      events = new ContainerdEvents(config, client, cache);
    }
    // grpc backs off its own reconnects (up to 2 min): the watch paces retries itself.
    channel.resetConnectBackoff();
  }

  @Override
  public AutoCloseable subscribe(StreamEnd end) {
    Context.CancellableContext stream = client.subscribe(observer(end));
    return () -> stream.cancel(null);
  }

  private StreamObserver<Envelope> observer(StreamEnd end) {
    return new StreamObserver<>() {
      @Override
      public void onNext(Envelope e) {
        try {
          events.apply(e);
        } catch (RuntimeException | InvalidProtocolBufferException ex) {
          // A failed lookup or a payload not matching its type for one event; the next resync
          // repairs the cache.
          log.debug(
              "containerd event {} in {} not applied: {}",
              e.getTopic(),
              e.getNamespace(),
              describe(ex));
        }
      }

      @Override
      public void onError(Throwable t) {
        end.ended(t);
      }

      @Override
      public void onCompleted() {
        end.ended(null);
      }
    };
  }

  /** Lists every watched namespace; the cache keeps what events changed meanwhile. */
  @Override
  public void resync(boolean afterConnect) {
    long since = cache.mark();
    List<String> namespaces =
        config.namespaces().isEmpty()
            ? client.namespaces().stream().filter(config::watches).toList()
            : config.namespaces();
    Map<String, Meta> listed = new HashMap<>();
    Map<String, Process> listedTasks = new HashMap<>();
    for (String ns : namespaces) {
      for (Container c : client.containers(ns)) {
        listed.put(ContainerCache.key(ns, c.getId()), ContainerMapping.meta(ns, c));
      }
      for (Process p : client.tasks(ns)) {
        // containerd 1.6 fills only `id` (= the container id) in the listed init processes.
        String id = p.getContainerId().isEmpty() ? p.getId() : p.getContainerId();
        listedTasks.put(ContainerCache.key(ns, id), p);
      }
    }
    cache.replace(since, listed, listedTasks);
  }

  @Override
  public int containerCount() {
    return cache.size();
  }

  /**
   * grpc's status first, e.g. "UNAVAILABLE: io exception (AnnotatedConnectException: connect(..)
   * failed: Connection refused)"; the chain below it as {@link Failures#summary} writes it.
   */
  @Override
  public String describe(Throwable t) {
    if (!(t instanceof StatusRuntimeException s)) {
      return Failures.summary(t);
    }
    String status =
        s.getStatus().getCode()
            + (s.getStatus().getDescription() == null ? "" : ": " + s.getStatus().getDescription());
    return s.getCause() == null ? status : status + " (" + Failures.summary(s.getCause()) + ")";
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (channel != null) {
      channel.shutdownNow();
    }
  }
}
