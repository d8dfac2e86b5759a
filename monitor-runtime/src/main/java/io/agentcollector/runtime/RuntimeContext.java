package io.agentcollector.runtime;

import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.PluginConfig;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The context the runtime hands each collector. */
record RuntimeContext(
    String pluginId, PluginConfig config, Optional<String> hostLabel, HostPaths hostPaths, Clock clock, String collector)
    implements CollectorContext {

  @Override
  public Logger logger() {
    return LoggerFactory.getLogger("plugin." + pluginId + "." + collector);
  }
}
