package io.agentcollector.runtime;

import io.agentcollector.runtime.config.AgentConfig;
import io.agentcollector.runtime.config.ConfigError;
import io.agentcollector.runtime.plugins.PluginCatalog;
import io.agentcollector.runtime.plugins.PluginCatalog.LoadedPlugin;
import io.agentcollector.runtime.plugins.PluginExtension;
import io.agentcollector.runtime.schedule.CollectorRunner;
import io.agentcollector.runtime.schedule.FamilyOwners;
import io.agentcollector.runtime.schedule.LabelInjector;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The enabled collectors, created and started (in parallel, bounded in time, see {@link
 * CollectorStarter}): each start creates the plugin's extension with its context ({@link
 * PluginExtension}). A bad setting stops everything with a {@link ConfigError}; any other failure
 * disables just that collector. Container runtimes, cgroup readers and enrichers of enabled plugins
 * are started the same way and feed the built-in {@code containers} collector.
 */
final class CollectorSet implements AutoCloseable {

  private final List<CollectorRunner> runners;
  private final List<Runnable> stoppers;

  /** Container parts ({@code plugin/name}) whose start failed, with the reason. */
  private final Map<String, String> partFailures;

  /** Container parts ({@code plugin/name}) that started. */
  private final Map<String, Object> parts;

  private CollectorSet(CollectorStarter started) {
    synchronized (started.stoppers) {
      this.runners = List.copyOf(started.runners);
      this.stoppers = List.copyOf(started.stoppers);
      this.partFailures = Map.copyOf(started.partFailures);
      this.parts = Map.copyOf(started.parts);
    }
  }

  static CollectorSet start(
      AgentConfig config,
      PluginCatalog catalog,
      Clock clock,
      FamilyOwners owners,
      LabelInjector injector,
      Predicate<String> pluginFilter) {
    CollectorStarter starter = new CollectorStarter(config, clock, owners, injector);
    for (LoadedPlugin plugin : catalog.list()) {
      if (pluginFilter.test(plugin.id())) {
        starter.add(plugin);
      }
    }
    try {
      starter.runAll();
      if (pluginFilter.test(PluginCatalog.CONTAINERS)) {
        starter.containers();
      }
    } catch (ConfigError e) {
      new CollectorSet(starter).close();
      throw e;
    }
    return new CollectorSet(starter);
  }

  /** The {@code host} label and the static labels, added to every sample. */
  static LabelInjector labelsOf(AgentConfig config) {
    Map<String, String> labels = new LinkedHashMap<>(config.staticLabels());
    config.hostLabel().ifPresent(h -> labels.put("host", h));
    return new LabelInjector(labels);
  }

  List<CollectorRunner> runners() {
    return runners;
  }

  /**
   * Why the container part {@code plugin/name} did not start; empty if it started or was not tried.
   */
  String partFailure(String plugin, String name) {
    return partFailures.getOrDefault(plugin + "/" + name, "");
  }

  /** The container part {@code plugin/name} as it started; empty if it did not. */
  <T> Optional<T> part(Class<T> point, String plugin, String name) {
    return Optional.ofNullable(parts.get(plugin + "/" + name))
        .filter(point::isInstance)
        .map(point::cast);
  }

  @Override
  public void close() {
    for (Runnable stop : stoppers) {
      try {
        stop.run();
      } catch (RuntimeException | LinkageError e) {
        // Shutting down: a part that cannot stop cleanly has nothing left to break.
      }
    }
  }
}
