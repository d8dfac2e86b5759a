package io.agentcollector.plugin.docker;

import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.ContainerRuntime;
import io.agentcollector.api.container.DaemonWatch;
import java.io.IOException;
import java.util.List;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * Docker containers from the Engine API: list + inspect once connected, then the container event
 * stream keeps the cache current, with a full resync every {@code resync-interval}. Losing dockerd
 * makes {@link #containers} fail (visible in the self-metrics) and reconnects with backoff, and
 * once more at each cycle; the answer is right again as soon as the daemon answers. A unix socket
 * that never existed means there is no Docker on this host: no containers, no error, and no client
 * until the socket appears ({@link DaemonWatch}).
 */
@Extension
public final class DockerRuntime implements ContainerRuntime {

  private DockerConnection connection;
  private DaemonWatch watch;

  @Override
  public String name() {
    return "docker";
  }

  @Override
  public void start(CollectorContext context) {
    start(DockerConfig.from(context.config()), context.logger());
  }

  void start(DockerConfig config, Logger log) {
    connection = new DockerConnection(config, log);
    // Nothing connects here: the agent serves /metrics at once, docker or not.
    watch =
        new DaemonWatch(
            name(),
            connection,
            log,
            config.resyncInterval(),
            config.reconnectMaxBackoff(),
            config.requestTimeout());
  }

  @Override
  public List<ContainerInfo> containers() throws IOException, InterruptedException {
    return watch.check() ? connection.containers() : List.of();
  }

  @Override
  public void stop() {
    if (watch != null) {
      watch.stop();
    }
  }
}
