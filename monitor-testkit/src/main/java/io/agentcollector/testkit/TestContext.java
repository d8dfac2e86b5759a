package io.agentcollector.testkit;

import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.PluginConfig;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CollectorContext} for tests: fixture host paths, a fixed clock and the plugin's shipped
 * defaults (read from {@code <pluginId>-defaults.conf} on the test class path) with optional HOCON
 * on top. The series budget is the plugin's {@code max-series} when its defaults set one; names
 * other collectors own are given with {@link #withOtherOwners}.
 */
public final class TestContext implements CollectorContext {

  private final String pluginId;
  private final PluginConfig config;
  private final HostPaths hostPaths;
  private final Clock clock;
  private final Map<String, String> otherOwners;
  private final AtomicInteger budgetExceeded = new AtomicInteger();

  private TestContext(
      String pluginId,
      PluginConfig config,
      HostPaths hostPaths,
      Clock clock,
      Map<String, String> otherOwners) {
    this.pluginId = pluginId;
    this.config = config;
    this.hostPaths = hostPaths;
    this.clock = clock;
    this.otherOwners = Map.copyOf(otherOwners);
  }

  /** The plugin's defaults on the default fixture tree with {@link FakeClock#fixed()}. */
  public static TestContext forPlugin(String pluginId) {
    return new TestContext(
        pluginId, PluginDefaults.load(pluginId), Fixtures.hostPaths(), FakeClock.fixed(), Map.of());
  }

  /** A copy with {@code hocon} layered over the plugin's settings. */
  public TestContext withConfig(String hocon) {
    return new TestContext(pluginId, config.with(hocon), hostPaths, clock, otherOwners);
  }

  public TestContext withHostPaths(HostPaths paths) {
    return new TestContext(pluginId, config, paths, clock, otherOwners);
  }

  public TestContext withClock(Clock c) {
    return new TestContext(pluginId, config, hostPaths, c, otherOwners);
  }

  /** A copy in which other collectors expose these names: exposed name to owner. */
  public TestContext withOtherOwners(Map<String, String> owners) {
    return new TestContext(pluginId, config, hostPaths, clock, owners);
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

  /** {@code max-series} of the plugin's settings, unlimited when they have none. */
  @Override
  public long maxSeries() {
    return config.hasPath("max-series") ? config.getLong("max-series") : Long.MAX_VALUE;
  }

  @Override
  public void seriesBudgetExceeded() {
    budgetExceeded.incrementAndGet();
  }

  /** How often the collector reported leaving something out for the series budget. */
  public int budgetExceeded() {
    return budgetExceeded.get();
  }

  @Override
  public Optional<String> otherOwner(String name) {
    return Optional.ofNullable(otherOwners.get(name));
  }
}
