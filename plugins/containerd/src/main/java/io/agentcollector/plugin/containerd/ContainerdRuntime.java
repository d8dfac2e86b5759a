package io.agentcollector.plugin.containerd;

import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.ContainerRuntime;
import io.agentcollector.api.container.DaemonWatch;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.buffer.UnpooledByteBufAllocator;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * containerd containers over its gRPC API on the unix socket: list every container and task of the
 * watched namespaces once connected, then the task and container events keep the cache current,
 * with a full resync every {@code resync-interval}. {@link #containers} answers from the cache.
 * Losing containerd makes it fail (visible as {@code
 * monitor_container_runtime_up{runtime="containerd"} 0}) and reconnects with backoff, and once more
 * at each cycle; a socket that never existed means there is no containerd on this host: no
 * containers, no error, and no gRPC channel until the socket appears ({@link DaemonWatch}).
 */
@Extension
public final class ContainerdRuntime implements ContainerRuntime {

  private final ContainerCache cache = new ContainerCache();
  private ContainerdConnection connection;
  private DaemonWatch watch;

  /** Made with the channel, on the watcher thread. */
  private volatile EventLoopGroup eventLoop;

  @Override
  public String name() {
    return ContainerMapping.RUNTIME;
  }

  @Override
  public void start(CollectorContext context) {
    ContainerdConfig cfg = ContainerdConfig.from(context.config());
    watch(cfg, context.logger(), () -> channel(cfg), () -> Files.exists(cfg.socket()));
  }

  /** Starts on a given channel (tests use an in-process one). */
  void start(ContainerdConfig cfg, Logger logger, ManagedChannel ch, BooleanSupplier socketCheck) {
    watch(cfg, logger, () -> ch, socketCheck);
  }

  private void watch(
      ContainerdConfig cfg,
      Logger log,
      Supplier<ManagedChannel> channels,
      BooleanSupplier socketExists) {
    connection = new ContainerdConnection(cfg, cache, channels, socketExists, log);
    // Nothing connects here: the agent serves /metrics at once, containerd or not.
    watch =
        new DaemonWatch(
            name(),
            connection,
            log,
            cfg.resyncInterval(),
            cfg.reconnectMaxBackoff(),
            cfg.requestTimeout());
  }

  /** The channel to containerd's socket; connects lazily, at the first call. */
  private ManagedChannel channel(ContainerdConfig cfg) {
    // One daemon thread is plenty for one connection; daemon so it never holds the JVM. Netty's
    // own factory: its threads carry Netty's fast thread-locals.
    eventLoop = new EpollEventLoopGroup(1, new DefaultThreadFactory("containerd-grpc", true));
    return NettyChannelBuilder.forAddress(new DomainSocketAddress(cfg.socket().toString()))
        .eventLoopGroup(eventLoop)
        .channelType(EpollDomainSocketChannel.class)
        // grpc asks every transport for TCP keep-alive, which a unix socket does not have (Netty
        // then warns on each connect); null takes the option off.
        .withOption(ChannelOption.SO_KEEPALIVE, null)
        // grpc's pooled allocator keeps a 2 MiB direct chunk per arena a thread touched (~6 MiB
        // here) for a connection that carries a list per minute and a few events: unpooled heap
        // buffers cost nothing between calls (issue #18).
        .withOption(ChannelOption.ALLOCATOR, new UnpooledByteBufAllocator(false))
        .usePlaintext()
        // containerd ignores :authority; a socket path is not a valid one.
        .overrideAuthority("localhost")
        // Lists with full OCI specs get large on busy Kubernetes nodes.
        .maxInboundMessageSize(64 * 1024 * 1024)
        .build();
  }

  @Override
  public List<ContainerInfo> containers() throws IOException, InterruptedException {
    return watch.check() ? cache.infos() : List.of();
  }

  /** Lists everything now (tests). */
  void resync() {
    connection.resync(false);
  }

  @Override
  public void stop() {
    if (watch != null) {
      watch.stop();
    }
    EventLoopGroup loop = eventLoop;
    if (loop != null) {
      loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }
}
