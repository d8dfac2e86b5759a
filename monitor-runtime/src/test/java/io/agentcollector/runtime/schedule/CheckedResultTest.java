package io.agentcollector.runtime.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.MetricFamilies;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.FakeClock;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckedResultTest {

  private final FamilyOwners owners = new FamilyOwners();
  private final RunnerServices services =
      new RunnerServices(FakeClock.fixed(), new LabelInjector(Map.of("host", "h1")), owners);

  /** One family per name, {@code samples} samples each. */
  private static MetricSnapshots result(int samples, String... families) {
    MetricFamilies f = new MetricFamilies();
    for (String name : families) {
      var g = f.gauge(name, "h");
      for (int i = 0; i < samples; i++) {
        g.add(i, "i", String.valueOf(i));
      }
    }
    return f.build();
  }

  @Test
  void withinTheBudgetAllIsKeptWithTheAgentsLabels() {
    SeriesBudget budget = new SeriesBudget(4, "plugins.p.max-series");
    CheckedResult c = CheckedResult.check("p/c", result(2, "a", "b"), budget, services);
    assertThat(c.refused()).isEmpty();
    assertThat(c.clashes()).isEmpty();
    assertThat(c.series()).isEqualTo(4);
    assertThat(Exposition.value(c.kept(), "b", "i", "1", "host", "h1")).hasValue(1);
    assertThat(budget.exceeded()).isZero();
  }

  @Test
  void overTheBudgetNothingIsKeptNorClaimed() {
    SeriesBudget budget = new SeriesBudget(3, "plugins.p.max-series");
    CheckedResult c = CheckedResult.check("p/c", result(2, "a", "b"), budget, services);
    assertThat(c.refused())
        .hasValue(
            "series budget exceeded: 4 series, plugins.p.max-series = 3"
                + " (result refused, the last good one is served until stale)");
    assertThat(c.kept()).isEmpty();
    assertThat(c.series()).isZero();
    assertThat(budget.exceeded()).isEqualTo(1);
    assertThat(owners.otherOwner("q/d", "a")).as("a refused result claims no name").isEmpty();
  }

  @Test
  void aClashingFamilyIsWithheldAndTheRestCounted() {
    CheckedResult.check("q/d", result(1, "a"), SeriesBudget.unlimited(), services);
    CheckedResult c =
        CheckedResult.check("p/c", result(3, "a", "b"), SeriesBudget.unlimited(), services);
    assertThat(c.refused()).isEmpty();
    assertThat(c.clashes()).hasValue("metric family a withheld: a is already exposed by q/d");
    assertThat(c.series()).as("b's three samples").isEqualTo(3);
    assertThat(Exposition.text(c.kept())).doesNotContain("a{").contains("b{");
  }
}
