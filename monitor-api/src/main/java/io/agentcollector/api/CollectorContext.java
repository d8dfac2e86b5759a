package io.agentcollector.api;

import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;

/** What the runtime hands a collector at {@link Collector#start}. */
public interface CollectorContext {

  /** Id of the plugin the collector belongs to, also the config section name. */
  String pluginId();

  /** The plugin's section, {@code plugins.<id>}, merged over the plugin's shipped defaults. */
  PluginConfig config();

  /**
   * The value of the {@code host} label the runtime adds to every series, empty when disabled.
   * Collectors need it only to label something other than series (log lines, for example).
   */
  Optional<String> hostLabel();

  /** Where the host's proc, sys, rootfs and cgroup trees are mounted. */
  HostPaths hostPaths();

  /** Wall clock; tests pass a fixed one. */
  Clock clock();

  /** A logger named after the plugin and collector. */
  Logger logger();
}
