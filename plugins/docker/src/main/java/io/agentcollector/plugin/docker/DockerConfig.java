package io.agentcollector.plugin.docker;

import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.api.PluginConfig;
import java.net.URI;
import java.time.Duration;

/** Settings of the docker plugin. */
record DockerConfig(
    URI socket, Duration resyncInterval, Duration reconnectMaxBackoff, Duration requestTimeout) {

  static DockerConfig from(PluginConfig c) {
    String socket = c.getString("socket");
    URI uri;
    try {
      uri = URI.create(socket);
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigException(
          c.key("socket"), socket, "a URI such as unix:///var/run/docker.sock");
    }
    if (!"unix".equals(uri.getScheme()) && !"tcp".equals(uri.getScheme())) {
      throw new InvalidConfigException(c.key("socket"), socket, "a unix:// or tcp:// URI");
    }
    Duration resync = c.getDuration("resync-interval");
    if (resync.isZero()) {
      throw new InvalidConfigException(c.key("resync-interval"), "0s", "a duration above zero");
    }
    // Zero would mean a reconnect loop without pause, or a request that never waits.
    Duration backoff =
        c.getDuration("reconnect-max-backoff", Duration.ofMillis(1), Duration.ofHours(24));
    return new DockerConfig(
        uri,
        resync,
        backoff,
        c.getDuration("request-timeout", Duration.ofMillis(1), Duration.ofHours(24)));
  }
}
