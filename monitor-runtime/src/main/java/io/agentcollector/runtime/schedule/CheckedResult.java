package io.agentcollector.runtime.schedule;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Optional;

/**
 * A cycle's result judged before it is served: refused whole over the series budget, or with
 * the families whose names another collector holds withheld.
 *
 * @param kept what may be served
 * @param refused why nothing is served, if so
 * @param clashes why some families were withheld, if so
 * @param series samples in {@code kept}
 */
record CheckedResult(MetricSnapshots kept, Optional<String> refused, Optional<String> clashes, long series) {

  static CheckedResult check(String id, MetricSnapshots result, SeriesBudget budget, FamilyOwners owners) {
    long series = count(result);
    Optional<String> refused = budget.check(series);
    if (refused.isPresent()) {
      return new CheckedResult(MetricSnapshots.of(), refused, Optional.empty(), 0);
    }
    FamilyOwners.Claim claim = owners.claim(id, result);
    if (claim.clashes().isEmpty()) {
      return new CheckedResult(result, Optional.empty(), Optional.empty(), series);
    }
    return new CheckedResult(
        claim.kept(), Optional.empty(), Optional.of(String.join("; ", claim.clashes())), count(claim.kept()));
  }

  private static long count(MetricSnapshots result) {
    long n = 0;
    for (MetricSnapshot s : result) {
      n += ExposedNames.series(s);
    }
    return n;
  }
}
