package io.agentcollector.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({
    "5s, 5s",
    "10s, 10s",
    "250ms, 250ms",
    "1500ms, 1500ms",
    "90s, 90s",
    "120s, 2m",
    "3600s, 1h",
    "3601s, 3601s",
    "48h, 2d",
    "0s, 0s",
    "500us, 500us",
    "1500ns, 1500ns",
  })
  void writesTheConfigsOwnStyleAndReadsBackToTheSameValue(String written, String expected) {
    Duration d = ConfigFactory.parseString("d = " + written).getDuration("d");
    assertThat(Durations.format(d)).isEqualTo(expected);
    assertThat(ConfigFactory.parseString("d = " + expected).getDuration("d"))
        .as("typesafe reads it back")
        .isEqualTo(d);
  }

  @ParameterizedTest
  @CsvSource({
    "PT3.7S, 3s",
    "PT0.25S, 0s",
    "PT65.9S, 1m5s",
    "PT3723S, 1h2m3s",
    "PT0S, 0s",
    "PT0.0004S, 0s"
  })
  void agesInWholeSeconds(String iso, String expected) {
    assertThat(Durations.age(Duration.parse(iso))).isEqualTo(expected);
  }
}
