package io.agentcollector.plugin.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.testkit.CollectorRun;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.TestContext;
import org.junit.jupiter.api.Test;

class ExampleCollectorGoldenTest {

  @Test
  void defaultsMatchTheGoldenFile() throws Exception {
    Golden.assertMatches(
        CollectorRun.once(ExampleCollector::new, TestContext.forPlugin("example")), "example.prom");
  }

  @Test
  void explicitValues() throws Exception {
    var out =
        CollectorRun.once(
            ExampleCollector::new,
            TestContext.forPlugin("example").withConfig("value = 7.5\nlabel = world"));
    assertThat(Exposition.value(out, "example_value", "name", "world")).hasValue(7.5);
  }

  @Test
  void invalidValuesNameTheKey() {
    assertThatThrownBy(
            () -> new ExampleCollector(TestContext.forPlugin("example").withConfig("value = lots")))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("plugins.example.value = \"lots\": expected a number");
    assertThatThrownBy(
            () ->
                new ExampleCollector(TestContext.forPlugin("example").withConfig("label = \" \"")))
        .hasMessage("plugins.example.label = \" \": expected a non-empty label value");
  }
}
