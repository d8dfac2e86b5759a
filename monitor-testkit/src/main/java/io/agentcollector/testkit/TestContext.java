package io.agentcollector.testkit;

import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.PluginConfig;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CollectorContext} for tests: fixture host paths, a fixed clock and the plugin's
 * shipped defaults (read from {@code <pluginId>-defaults.conf} on the test class path) with
 * optional HOCON on top.
 */
public final class TestContext implements CollectorContext {

  private final String pluginId;
  private final PluginConfig config;
  private final HostPaths hostPaths;
  private final Clock clock;

  private TestContext(String pluginId, PluginConfig config, HostPaths hostPaths, Clock clock) {
    this.pluginId = pluginId;
    this.config = config;
    this.hostPaths = hostPaths;
    this.clock = clock;
  }

  /** The plugin's defaults on the default fixture tree with {@link FakeClock#fixed()}. */
  public static TestContext forPlugin(String pluginId) {
    return new TestContext(
        pluginId, PluginDefaults.load(pluginId), Fixtures.hostPaths(), FakeClock.fixed());
  }

  /** A copy with {@code hocon} layered over the plugin's settings. */
  public TestContext withConfig(String hocon) {
    return new TestContext(pluginId, config.with(hocon), hostPaths, clock);
  }

  public TestContext withHostPaths(HostPaths paths) {
    return new TestContext(pluginId, config, paths, clock);
  }

  public TestContext withClock(Clock c) {
    return new TestContext(pluginId, config, hostPaths, c);
  }

  @Override
  public String pluginId() {
    return pluginId;
  }

  @Override
  public PluginConfig config() {
    return config;
  }

  @Override
  public Optional<String> hostLabel() {
    return Optional.empty();
  }

  @Override
  public HostPaths hostPaths() {
    return hostPaths;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public Logger logger() {
    return LoggerFactory.getLogger("plugin." + pluginId);
  }
}
