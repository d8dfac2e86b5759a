package io.agentcollector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PluginConfigTest {

  private final PluginConfig config =
      PluginConfig.parse(
          "plugins.disk",
          """
          interval = 5s
          negative = -1s
          exclude = "^(ram|loop)\\\\d+$"
          broken = "(["
          empty = ""
          count = 3
          word = abc
          list = [a, b]
          """);

  @Test
  void typedValues() {
    assertThat(config.getDuration("interval")).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.getInt("count")).isEqualTo(3);
    assertThat(config.getStringList("list")).containsExactly("a", "b");
    assertThat(config.getPattern("exclude")).get().matches(p -> p.matcher("loop3").find());
    assertThat(config.getPattern("empty")).isEmpty();
    assertThat(config.key("interval")).isEqualTo("plugins.disk.interval");
  }

  @Test
  void errorsNameTheFullKeyTheValueAndTheExpectation() {
    assertThatThrownBy(() -> config.getDuration("word"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("plugins.disk.word = \"abc\": expected a duration such as 5s or 250ms");
    assertThatThrownBy(() -> config.getDuration("negative"))
        .hasMessage("plugins.disk.negative = \"-1s\": expected a duration of zero or more");
    assertThatThrownBy(() -> config.getInt("word"))
        .hasMessage("plugins.disk.word = \"abc\": expected a whole number");
    assertThatThrownBy(() -> config.getPattern("broken"))
        .hasMessageStartingWith("plugins.disk.broken = \"([\": expected a valid regular expression");
    assertThatThrownBy(() -> config.getString("nope"))
        .hasMessage("plugins.disk.nope = \"(missing)\": expected a string");
    assertThat(((InvalidConfigException) catchKey()).key()).isEqualTo("plugins.disk.word");
  }

  private Exception catchKey() {
    try {
      config.getBoolean("word");
      return null;
    } catch (InvalidConfigException e) {
      return e;
    }
  }
}
