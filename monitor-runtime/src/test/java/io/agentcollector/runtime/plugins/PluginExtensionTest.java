package io.agentcollector.runtime.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.api.container.ContainerEnricher;
import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.testkit.TestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runtime's way to create an extension, for any extension point (an enricher here). */
class PluginExtensionTest {

  static final List<String> calls = new ArrayList<>();

  /** The form since API 0.2.0. */
  public static final class WithContext implements ContainerEnricher {
    private final String plugin;

    public WithContext(CollectorContext context) {
      plugin = context.pluginId();
      calls.add("constructor " + plugin);
    }

    @Override
    public String name() {
      return "with-context";
    }

    @Override
    public Map<String, String> labels(ContainerInfo container) {
      return Map.of("plugin", plugin);
    }
  }

  /** The form of API 0.1.0. */
  public static final class OldForm implements ContainerEnricher {
    public OldForm() {
      calls.add("no-arg constructor");
    }

    @Override
    public String name() {
      return "old-form";
    }

    @Override
    public void start(CollectorContext context) {
      calls.add("start " + context.pluginId());
    }

    @Override
    public Map<String, String> labels(ContainerInfo container) {
      return Map.of();
    }
  }

  public static final class Throwing implements ContainerEnricher {
    public Throwing(CollectorContext context) {
      throw new InvalidConfigException("plugins.example.url", "x", "a URL");
    }

    @Override
    public String name() {
      return "throwing";
    }

    @Override
    public Map<String, String> labels(ContainerInfo container) {
      return Map.of();
    }
  }

  public static final class NoUsableConstructor implements ContainerEnricher {
    public NoUsableConstructor(String something) {}

    @Override
    public String name() {
      return "none";
    }

    @Override
    public Map<String, String> labels(ContainerInfo container) {
      return Map.of();
    }
  }

  private final TestContext context = TestContext.forPlugin("containers");

  @Test
  void theContextConstructorWhenThereIsOne() throws Exception {
    calls.clear();
    var ext = PluginExtension.<ContainerEnricher>named(WithContext.class, "with-context");
    ContainerEnricher e = ext.create(context, ContainerEnricher::start);
    assertThat(ext.takesContext()).isTrue();
    assertThat(e.labels(null)).containsEntry("plugin", "containers");
    assertThat(calls).containsExactly("constructor containers");
  }

  @Test
  void elseTheNoArgConstructorThenTheOldStartNamedByAskingAnInstance() throws Exception {
    calls.clear();
    var ext = PluginExtension.<ContainerEnricher>asking(OldForm.class, ContainerEnricher::name);
    assertThat(ext.name()).isEqualTo("old-form");
    assertThat(ext.takesContext()).isFalse();
    ext.create(context, ContainerEnricher::start);
    assertThat(calls)
        .as("one instance to ask the name, one created and started")
        .containsExactly("no-arg constructor", "no-arg constructor", "start containers");
  }

  @Test
  void whatAConstructorThrowsComesOutAsItself() {
    var ext = PluginExtension.<ContainerEnricher>named(Throwing.class, "throwing");
    assertThatThrownBy(() -> ext.create(context, ContainerEnricher::start))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("plugins.example.url = \"x\": expected a URL");
  }

  @Test
  void aClassWithoutAUsableConstructorOrANameIsRefusedNamingIt() {
    assertThatThrownBy(() -> PluginExtension.named(NoUsableConstructor.class, "none"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            NoUsableConstructor.class.getName()
                + " has neither a public constructor taking CollectorContext nor a public no-arg one");
    assertThatThrownBy(() -> PluginExtension.asking(WithContext.class, ContainerEnricher::name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            WithContext.class.getName()
                + " takes a CollectorContext in its constructor but declares no name");
  }
}
