package io.agentcollector.runtime;

import io.agentcollector.api.Collector;
import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.runtime.config.AgentConfig;
import io.agentcollector.runtime.config.ConfigError;
import io.agentcollector.runtime.config.PluginSettings;
import io.agentcollector.runtime.plugins.PluginCatalog;
import io.agentcollector.runtime.plugins.Reasons;
import io.agentcollector.runtime.schedule.CollectorRunner;
import io.agentcollector.runtime.schedule.FamilyOwners;
import io.agentcollector.runtime.schedule.LabelInjector;
import io.agentcollector.runtime.schedule.PluginGate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The enabled collectors, started: each gets its context and its {@code start()} runs (in
 * parallel, bounded by the plugin's timeout). A bad setting stops everything with a {@link
 * ConfigError}; any other start failure disables just that collector.
 */
final class CollectorSet implements AutoCloseable {

  private final List<CollectorRunner> runners;

  private CollectorSet(List<CollectorRunner> runners) {
    this.runners = runners;
  }

  static CollectorSet start(
      AgentConfig config,
      PluginCatalog catalog,
      Clock clock,
      FamilyOwners owners,
      LabelInjector injector,
      Predicate<String> pluginFilter) {
    List<CollectorRunner> runners = new ArrayList<>();
    List<Future<?>> starts = new ArrayList<>();
    ExecutorService starter = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "collector-start");
      t.setDaemon(true);
      return t;
    });
    try {
      for (PluginCatalog.LoadedPlugin plugin : catalog.list()) {
        PluginSettings settings = config.plugin(plugin.id());
        if (!pluginFilter.test(plugin.id())) {
          continue;
        }
        PluginGate gate = new PluginGate();
        Set<String> names = new HashSet<>();
        for (Collector c : plugin.collectors()) {
          if (!settings.collectorEnabled(c.name(), c.enabledByDefault())) {
            continue;
          }
          CollectorRunner runner =
              new CollectorRunner(plugin.id(), c, settings.interval(), settings.timeout(), clock, injector, owners, gate);
          runners.add(runner);
          if (!names.add(c.name())) {
            runner.disable("plugin " + plugin.id() + " has two collectors named " + c.name());
            starts.add(null);
            continue;
          }
          RuntimeContext ctx =
              new RuntimeContext(plugin.id(), settings.section(), config.hostLabel(), config.hostPaths(), clock, c.name());
          starts.add(starter.submit(() -> {
            c.start(ctx);
            return null;
          }));
        }
      }
      for (int i = 0; i < runners.size(); i++) {
        await(runners.get(i), starts.get(i));
      }
    } catch (ConfigError e) {
      new CollectorSet(runners).close();
      throw e;
    } finally {
      starter.shutdownNow();
    }
    return new CollectorSet(runners);
  }

  private static void await(CollectorRunner runner, Future<?> start) {
    if (start == null) {
      return;
    }
    try {
      start.get(runner.interval().toMillis() + 10_000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      start.cancel(true);
      runner.disable("start() did not return in time");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      runner.disable("interrupted while starting");
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof InvalidConfigException bad) {
        throw new ConfigError(bad.getMessage());
      }
      runner.disable("start failed: " + Reasons.of(e.getCause()));
    }
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

  @Override
  public void close() {
    for (CollectorRunner r : runners) {
      try {
        r.collector().stop();
      } catch (RuntimeException | LinkageError e) {
        // Shutting down: a collector that cannot stop cleanly has nothing left to break.
      }
    }
  }
}
