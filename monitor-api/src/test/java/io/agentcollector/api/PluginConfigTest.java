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
        .hasMessageStartingWith(
            "plugins.disk.broken = \"([\": expected a valid regular expression");
    assertThatThrownBy(() -> config.getString("nope"))
        .hasMessage("plugins.disk.nope = \"(missing)\": expected a string");
    assertThat(((InvalidConfigException) catchKey()).key()).isEqualTo("plugins.disk.word");
  }

  @Test
  void wholeNumbersAreWrittenAsWholeNumbers() {
    PluginConfig c =
        PluginConfig.parse(
            "web",
            """
        fraction = 1.5
        float = 2.0
        huge = 4294967297
        text = "12"
        spaced = " 7 "
        list = [1]
        """);
    assertThatThrownBy(() -> c.getInt("fraction"))
        .hasMessage("web.fraction = 1.5: expected a whole number");
    assertThat(c.getLong("float")).as("typesafe reads 2.0 as the whole number 2").isEqualTo(2);
    assertThatThrownBy(() -> c.getInt("huge"))
        .hasMessage("web.huge = 4294967297: expected a whole number below 2^31");
    assertThat(c.getLong("huge")).isEqualTo(4294967297L);
    assertThat(c.getInt("text")).as("environment variables are strings").isEqualTo(12);
    assertThat(c.getInt("spaced")).isEqualTo(7);
    assertThatThrownBy(() -> c.getInt("list"))
        .hasMessage("web.list = [1]: expected a whole number");
    assertThatThrownBy(() -> c.getInt("nope"))
        .hasMessage("web.nope = \"(missing)\": expected a whole number");
  }

  @Test
  void durationsAreBounded() {
    PluginConfig c =
        PluginConfig.parse(
            "p",
            """
        tiny = 1ns
        year = 366d
        zero = 0s
        ok = 250ms
        """);
    assertThatThrownBy(() -> c.getDuration("year"))
        .hasMessage("p.year = \"366d\": expected a duration of at most 365d");
    assertThatThrownBy(() -> c.getDuration("tiny", Duration.ofMillis(100), Duration.ofHours(24)))
        .hasMessage("p.tiny = \"1ns\": expected a duration from 100ms to 24h");
    assertThatThrownBy(() -> c.getDuration("zero", Duration.ofMillis(1), Duration.ofDays(7)))
        .hasMessage("p.zero = \"0s\": expected a duration from 1ms to 7d");
    assertThat(c.getDuration("ok", Duration.ofMillis(100), Duration.ofHours(24)))
        .isEqualTo(Duration.ofMillis(250));
    assertThat(c.getDuration("ok", Duration.ofMillis(250), Duration.ofMillis(250)))
        .as("bounds included")
        .isEqualTo(Duration.ofMillis(250));
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
