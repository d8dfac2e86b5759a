package io.agentcollector.plugin.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.testkit.TestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CpuConfigTest {

  @Test
  void defaultsAreNodeExportersPlusTheExtraGauges() {
    CpuConfig c = CpuConfig.from(TestContext.forPlugin("cpu").config());
    assertThat(c.guest()).isTrue();
    assertThat(c.info()).isFalse();
    assertThat(c.infoFlagsInclude()).isEmpty();
    assertThat(c.infoBugsInclude()).isEmpty();
    assertThat(c.extraMetrics()).isTrue();
    assertThat(c.statSoftirq()).isFalse();
  }

  @Test
  void explicitValues() {
    CpuConfig c =
        CpuConfig.from(
            TestContext.forPlugin("cpu")
                .withConfig(
                    """
                    guest = false
                    extra-metrics = false
                    info-bugs-include = "^spectre"
                    stat { softirq = true }
                    """)
                .config());
    assertThat(c.guest()).isFalse();
    assertThat(c.extraMetrics()).isFalse();
    assertThat(c.info()).as("an include pattern turns info on, as in node_exporter").isTrue();
    assertThat(c.infoBugsInclude())
        .hasValueSatisfying(p -> assertThat(p.pattern()).isEqualTo("^spectre"));
    assertThat(c.statSoftirq()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "guest = maybe               | plugins.cpu.guest = \"maybe\": expected true or false",
        "extra-metrics = 3           | plugins.cpu.extra-metrics = 3: expected true or false",
        "info-flags-include = \"(\"  | plugins.cpu.info-flags-include = \"(\": expected a valid"
            + " regular expression (Unclosed group)",
        "stat.softirq = sometimes    | plugins.cpu.stat.softirq = \"sometimes\": expected true or"
            + " false",
      })
  void invalidValuesNameTheFullKey(String hocon, String message) {
    assertThatThrownBy(
            () -> CpuConfig.from(TestContext.forPlugin("cpu").withConfig(hocon).config()))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(message);
  }
}
