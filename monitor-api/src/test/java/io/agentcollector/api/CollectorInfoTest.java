package io.agentcollector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.junit.jupiter.api.Test;

/** Collector's registration defaults read {@link CollectorInfo}; the old overrides still win. */
class CollectorInfoTest {

  @CollectorInfo(name = "meminfo", nodeExporter = true)
  static final class Annotated implements Collector {
    @Override
    public MetricSnapshots collect() {
      return MetricSnapshots.of();
    }
  }

  @CollectorInfo(name = "interrupts", enabledByDefault = false)
  static final class OffByDefault implements Collector {
    @Override
    public MetricSnapshots collect() {
      return MetricSnapshots.of();
    }
  }

  /** A collector of API 0.1.0: no annotation, name() overridden. */
  static final class OldForm implements Collector {
    @Override
    public String name() {
      return "old";
    }

    @Override
    public MetricSnapshots collect() {
      return MetricSnapshots.of();
    }
  }

  static final class Unnamed implements Collector {
    @Override
    public MetricSnapshots collect() {
      return MetricSnapshots.of();
    }
  }

  @Test
  void theAnnotationIsTheRegistration() {
    Collector c = new Annotated();
    assertThat(c.name()).isEqualTo("meminfo");
    assertThat(c.mirrorsNodeExporter()).isTrue();
    assertThat(c.enabledByDefault()).isTrue();
    Collector off = new OffByDefault();
    assertThat(off.name()).isEqualTo("interrupts");
    assertThat(off.enabledByDefault()).isFalse();
    assertThat(off.mirrorsNodeExporter()).isFalse();
  }

  @Test
  void aCollectorOfTheOldFormKeepsItsOverridesAndTheOldDefaults() {
    Collector c = new OldForm();
    assertThat(c.name()).isEqualTo("old");
    assertThat(c.enabledByDefault()).isTrue();
    assertThat(c.mirrorsNodeExporter()).isFalse();
  }

  @Test
  void neitherAnnotationNorOverrideIsAnErrorNamingTheClass() {
    assertThatThrownBy(() -> new Unnamed().name())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            Unnamed.class.getName() + " has no @CollectorInfo and does not override name()");
  }
}
