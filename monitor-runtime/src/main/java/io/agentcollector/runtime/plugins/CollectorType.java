package io.agentcollector.runtime.plugins;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorInfo;

/**
 * A collector class of a plugin with its registration, known before any instance is started: from
 * its {@link CollectorInfo}, or, for a collector written before API 0.2.0, from the overrides of an
 * instance made with its no-arg constructor.
 */
public record CollectorType(
    PluginExtension<Collector> extension, boolean enabledByDefault, boolean mirrorsNodeExporter) {

  public static CollectorType of(Class<? extends Collector> type) throws Exception {
    CollectorInfo info = type.getAnnotation(CollectorInfo.class);
    if (info != null) {
      return new CollectorType(
          PluginExtension.named(type, info.name()), info.enabledByDefault(), info.nodeExporter());
    }
    PluginExtension<Collector> unnamed = PluginExtension.named(type, "");
    if (unnamed.takesContext()) {
      // Its name is needed before it runs: for the context, and to check the config against.
      throw new IllegalArgumentException(
          type.getName()
              + " takes a CollectorContext in its constructor but has no @CollectorInfo");
    }
    Collector probe = unnamed.probe();
    return new CollectorType(
        PluginExtension.named(type, probe.name()),
        probe.enabledByDefault(),
        probe.mirrorsNodeExporter());
  }

  public String name() {
    return extension.name();
  }
}
