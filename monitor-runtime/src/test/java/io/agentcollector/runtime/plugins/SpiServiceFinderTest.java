package io.agentcollector.runtime.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.Collector;
import io.agentcollector.testkit.PluginJarBuilder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.ServiceProviderExtensionFinder;

class SpiServiceFinderTest {

  private static final String COLLECTOR =
      """
      package t.svc;
      import io.agentcollector.api.Collector;
      import io.prometheus.metrics.model.snapshots.MetricSnapshots;
      public class SvcCollector implements Collector {
        public String name() { return "svc"; }
        public MetricSnapshots collect() { return MetricSnapshots.of(); }
      }""";

  @Test
  void readsTheAgentsServiceFilesOnlyNotTheOnesOfThePluginsLibraries(@TempDir Path dir) {
    PluginJarBuilder.plugin("svc")
        .viaServiceLoader()
        .collector("t.svc.SvcCollector", COLLECTOR)
        // What grpc or fabric8 jars carry: services of their own, which are no extensions of ours.
        .resource(
            "META-INF/services/java.sql.Driver",
            "# a comment\nt.svc.SvcCollector\nt.svc.NotAnExtension\n")
        .resource(
            "META-INF/services/io.agentcollector.api.container.ContainerEnricher",
            "t.svc.Enricher # trailing comment\n\n")
        .buildJar(dir);
    AgentPluginManager manager = new AgentPluginManager(dir);
    try {
      manager.loadPlugins();
      manager.startPlugins();

      assertThat(new SpiServiceFinder(manager).readPluginsStorages().get("svc"))
          .containsExactlyInAnyOrder("t.svc.SvcCollector", "t.svc.Enricher");
      assertThat(new ServiceProviderExtensionFinder(manager).readPluginsStorages().get("svc"))
          .as("PF4J's finder would try every service class")
          .contains("t.svc.NotAnExtension");
      List<Collector> found = manager.getExtensions(Collector.class, "svc");
      assertThat(found).extracting(Collector::name).containsExactly("svc");
      assertThat(manager.failures()).isEmpty();
    } finally {
      manager.stopPlugins();
      manager.unloadPlugins();
    }
  }
}
