package io.agentcollector.plugin.k8slabels;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.agentcollector.runtime.config.AgentConfig;
import io.agentcollector.runtime.config.ConfigLoader;
import io.agentcollector.runtime.config.ConfigLoader.InstalledPlugin;
import io.agentcollector.testkit.PluginDefaults;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped {@code enabled = false} wins over {@code plugins.defaults.enabled = true}. */
class ShippedDefaultsTest {

  private static AgentConfig load(Path home, String userHocon) {
    InstalledPlugin plugin =
        new InstalledPlugin("k8s-labels", List.of(), PluginDefaults.load("k8s-labels").raw());
    return new ConfigLoader(home, Map.of(), () -> "h")
        .load(ConfigFactory.parseString(userHocon), Map.of("k8s-labels", plugin));
  }

  @Test
  void disabledByDefault(@TempDir Path home) {
    assertThat(load(home, "").plugin("k8s-labels").enabled()).isFalse();
    assertThat(load(home, "plugins.defaults.enabled = true").plugin("k8s-labels").enabled())
        .isFalse();
  }

  @Test
  void theUserEnablesIt(@TempDir Path home) {
    AgentConfig c = load(home, "plugins.k8s-labels { enabled = true, node-name = node-1 }");

    assertThat(c.plugin("k8s-labels").enabled()).isTrue();
    assertThat(c.plugin("k8s-labels").section().getString("node-name")).isEqualTo("node-1");
    assertThat(c.plugin("k8s-labels").section().getStringList("pod-label-allowlist")).isEmpty();
  }
}
