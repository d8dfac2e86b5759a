package io.agentcollector.plugin.containerd;

import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.api.PluginConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Settings of the containerd plugin.
 *
 * @param socket containerd's gRPC unix socket
 * @param namespaces the namespaces to watch; empty = all of them but {@code namespacesExclude}
 * @param namespacesExclude namespaces skipped when {@code namespaces} is empty
 */
record ContainerdConfig(
    Path socket,
    List<String> namespaces,
    List<String> namespacesExclude,
    Duration resyncInterval,
    Duration reconnectMaxBackoff,
    Duration requestTimeout) {

  /** containerd's rule for namespace names: alphanumeric parts joined by '.', '_' or '-'. */
  private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*");

  static ContainerdConfig from(PluginConfig c) {
    String raw = c.getString("socket");
    String path = raw.startsWith("unix://") ? raw.substring("unix://".length()) : raw;
    if (!path.startsWith("/") || path.indexOf('\0') >= 0) {
      throw new InvalidConfigException(
          c.key("socket"),
          raw,
          "an absolute unix socket path such as /run/containerd/containerd.sock (or unix:///...)");
    }
    List<String> namespaces = namespaces(c, "namespaces");
    List<String> exclude = namespaces(c, "namespaces-exclude");
    Duration resync = c.getDuration("resync-interval");
    if (resync.isZero()) {
      throw new InvalidConfigException(c.key("resync-interval"), "0s", "a duration above zero");
    }
    Duration timeout = c.getDuration("request-timeout");
    if (timeout.isZero()) {
      throw new InvalidConfigException(c.key("request-timeout"), "0s", "a duration above zero");
    }
    // Zero would mean a reconnect loop without pause.
    Duration backoff =
        c.getDuration("reconnect-max-backoff", Duration.ofMillis(1), Duration.ofHours(24));
    return new ContainerdConfig(Path.of(path), namespaces, exclude, resync, backoff, timeout);
  }

  private static List<String> namespaces(PluginConfig c, String key) {
    List<String> names = c.getStringList(key);
    for (String ns : names) {
      if (!NAMESPACE.matcher(ns).matches()) {
        throw new InvalidConfigException(
            c.key(key), names, "containerd namespace names such as k8s.io, moby, default");
      }
    }
    return names;
  }

  /** Whether this namespace's containers are followed. */
  boolean watches(String namespace) {
    return namespaces.isEmpty()
        ? !namespacesExclude.contains(namespace)
        : namespaces.contains(namespace);
  }
}
