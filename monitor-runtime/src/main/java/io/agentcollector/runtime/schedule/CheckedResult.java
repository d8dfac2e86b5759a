package io.agentcollector.runtime.schedule;

import io.agentcollector.api.Failures;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Optional;

/**
 * A cycle's result judged before it is served: refused whole over the series budget (or when its
 * labels cannot be added), or with the families whose names another collector holds withheld; what
 * is kept carries the agent's labels.
 *
 * @param kept what may be served, labelled
 * @param refused why nothing is served, if so
 * @param clashes why some families were withheld, if so
 * @param series samples in {@code kept}
 */
record CheckedResult(
    MetricSnapshots kept, Optional<String> refused, Optional<String> clashes, long series) {

  static CheckedResult check(
      String id, MetricSnapshots result, SeriesBudget budget, RunnerServices services) {
    long series = count(result);
    Optional<String> refused = budget.check(series);
    if (refused.isPresent()) {
      return refused(refused.get());
    }
    FamilyOwners.Claim claim = services.owners().claim(id, result);
    MetricSnapshots kept = claim.clashes().isEmpty() ? result : claim.kept();
    MetricSnapshots labelled;
    try {
      labelled = services.labels().apply(kept);
    } catch (RuntimeException e) {
      return refused(Failures.summary(e));
    }
    if (claim.clashes().isEmpty()) {
      return new CheckedResult(labelled, Optional.empty(), Optional.empty(), series);
    }
    String clashes = String.join("; ", claim.clashes());
    return new CheckedResult(labelled, Optional.empty(), Optional.of(clashes), count(kept));
  }

  private static CheckedResult refused(String why) {
    return new CheckedResult(MetricSnapshots.of(), Optional.of(why), Optional.empty(), 0);
  }

  private static long count(MetricSnapshots result) {
    long n = 0;
    for (MetricSnapshot s : result) {
      n += ExposedNames.series(s);
    }
    return n;
  }
}
