package io.agentcollector.runtime.cli;

import io.agentcollector.runtime.Snapshot;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What {@code snapshot} prints: the text exposition {@code /metrics} would serve, or its samples as
 * a table followed by the collectors that failed.
 */
final class SnapshotOutput {

  private SnapshotOutput() {}

  /** The Prometheus text format 0.0.4, as client_java writes it for {@code /metrics}. */
  static String prometheus(MetricSnapshots snapshots) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PrometheusTextFormatWriter.create().write(out, snapshots);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * @param width the terminal's; the labels column wraps to fit it
   */
  static String table(Snapshot.Result result, int width) {
    String nl = System.lineSeparator();
    StringBuilder out = new StringBuilder();
    out.append(Table.render(SampleRows.of(prometheus(result.metrics())), width, 1));
    if (!result.failures().isEmpty()) {
      out.append(nl);
      result.failures().forEach((id, why) -> out.append("FAILED " + id + ": " + why).append(nl));
    }
    return out.toString();
  }
}
