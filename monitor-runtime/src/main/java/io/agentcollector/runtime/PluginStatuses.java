package io.agentcollector.runtime;

import io.agentcollector.api.container.ContainerEnricher;
import io.agentcollector.api.container.ContainerRuntime;
import io.agentcollector.api.container.ContainerStatsReader;
import io.agentcollector.runtime.config.AgentConfig;
import io.agentcollector.runtime.containers.ContainerCollector;
import io.agentcollector.runtime.http.StatusPage.PluginInfo;
import io.agentcollector.runtime.plugins.PluginCatalog;
import io.agentcollector.runtime.plugins.PluginCatalog.LoadedPlugin;
import io.agentcollector.runtime.plugins.PluginExtension;
import io.agentcollector.runtime.schedule.CollectorRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every installed plugin for the landing page, those without a collector of their own too: what it
 * contributes and, for container parts, its health as the runtime knows it.
 */
final class PluginStatuses {

  private PluginStatuses() {}

  static List<PluginInfo> of(
      AgentConfig config, PluginCatalog catalog, CollectorSet set, String agentVersion) {
    ContainerCollector containers =
        set.runners().stream()
            .map(CollectorRunner::collector)
            .filter(ContainerCollector.class::isInstance)
            .map(ContainerCollector.class::cast)
            .findFirst()
            .orElse(null);
    List<PluginInfo> out = new ArrayList<>();
    for (LoadedPlugin p : catalog.list()) {
      boolean enabled = config.plugin(p.id()).enabled();
      out.add(
          new PluginInfo(
              p.id(),
              p.version(),
              role(p),
              p.file(),
              enabled ? health(p, set, containers) : () -> "disabled"));
    }
    boolean containersOn = config.plugin(PluginCatalog.CONTAINERS).enabled();
    out.add(
        new PluginInfo(
            PluginCatalog.CONTAINERS,
            agentVersion,
            "container metrics (built-in)",
            null,
            () ->
                !containersOn
                    ? "disabled"
                    : containers == null ? "idle: no container runtime started" : ""));
    return out;
  }

  static String role(LoadedPlugin p) {
    List<String> roles = new ArrayList<>();
    if (!p.collectors().isEmpty()) {
      roles.add("collectors");
    }
    var parts = p.containerParts();
    if (!parts.runtimes().isEmpty()) {
      roles.add("container runtime");
    }
    if (!parts.readers().isEmpty()) {
      roles.add("cgroup reader");
    }
    if (!parts.enrichers().isEmpty()) {
      roles.add("enricher");
    }
    return roles.isEmpty() ? "none" : String.join(", ", roles);
  }

  /** The first thing wrong with one of its container parts, else ok; "" for collectors only. */
  private static Supplier<String> health(
      LoadedPlugin p, CollectorSet set, ContainerCollector containers) {
    var parts = p.containerParts();
    return () -> {
      List<String> states = new ArrayList<>();
      for (PluginExtension<ContainerRuntime> r : parts.runtimes()) {
        String failed = set.partFailure(p.id(), r.name());
        String now = containers == null ? "" : containers.runtimeHealth(r.name());
        states.add(
            !failed.isEmpty() ? failed : now.isEmpty() ? "waiting for the first cycle" : now);
      }
      for (PluginExtension<ContainerStatsReader> r : parts.readers()) {
        String failed = set.partFailure(p.id(), r.name());
        boolean active =
            set.part(ContainerStatsReader.class, p.id(), r.name())
                .map(ContainerStatsReader::active)
                .orElse(false);
        states.add(
            !failed.isEmpty() ? failed : active ? "ok" : "inactive: not this host's cgroup layout");
      }
      for (PluginExtension<ContainerEnricher> e : parts.enrichers()) {
        String failed = set.partFailure(p.id(), e.name());
        String now =
            set.part(ContainerEnricher.class, p.id(), e.name())
                .map(PluginStatuses::status)
                .orElse("not started");
        states.add(!failed.isEmpty() ? failed : now);
      }
      return states.stream()
          .filter(s -> !s.equals("ok"))
          .findFirst()
          .orElse(states.isEmpty() ? "" : "ok");
    };
  }

  private static String status(ContainerEnricher e) {
    try {
      String s = e.status();
      return s == null || s.isBlank() ? "unknown" : s;
    } catch (RuntimeException ex) {
      return "error";
    }
  }
}
