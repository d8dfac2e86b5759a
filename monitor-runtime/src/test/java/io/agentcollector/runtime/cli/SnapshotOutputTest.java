package io.agentcollector.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.MetricFamilies;
import io.agentcollector.runtime.Snapshot;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotOutputTest {

  @Test
  void aTableOfTheSamplesThenTheFailedCollectors() {
    MetricFamilies f = new MetricFamilies();
    f.gauge("node_load1", "h").add(0.25, "host", "n1");
    var result = new Snapshot.Result(f.build(), Map.of("cpu/stat", "IOException: boom"));
    String nl = System.lineSeparator();
    assertThat(SnapshotOutput.table(result, 120))
        .isEqualTo(
            "METRIC      LABELS                VALUE\n"
                + "node_load1  host=n1               0.25\n"
                + nl
                + "FAILED cpu/stat: IOException: boom"
                + nl);
  }

  @Test
  void noFailuresNoTrailer() {
    var result = new Snapshot.Result(new MetricFamilies().build(), Map.of());
    assertThat(SnapshotOutput.table(result, 120))
        .as("the labels column is at least 20 wide")
        .isEqualTo("METRIC  LABELS                VALUE\n");
  }
}
