package io.agentcollector.runtime.selfmetrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VirtualMemoryMaxTest {

  private static final String HEADER =
      "Limit                     Soft Limit           Hard Limit           Units     \n";

  @Test
  void unlimitedIsTwoToTheSixtyFourAsInNodeExporter(@TempDir Path dir) throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("limits"),
            HEADER
                + "Max address space         unlimited            unlimited            bytes     \n");
    PrometheusRegistry r = new PrometheusRegistry();
    VirtualMemoryMax.register(r, f);
    GaugeSnapshot g = (GaugeSnapshot) r.scrape().get(0);
    assertThat(g.getMetadata().getName()).isEqualTo("process_virtual_memory_max_bytes");
    // node_exporter 1.5.0 prints 1.8446744073709552e+19 for unlimited.
    assertThat(g.getDataPoints().get(0).getValue()).isEqualTo(1.8446744073709552e19);
  }

  @Test
  void aSoftLimitIsItsValue(@TempDir Path dir) throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("limits"),
            HEADER
                + "Max address space         4294967296           unlimited            bytes     \n");
    assertThat(VirtualMemoryMax.read(f)).isEqualTo(4294967296.0);
  }

  @Test
  void anUnreadableFileGivesNoSample(@TempDir Path dir) {
    PrometheusRegistry r = new PrometheusRegistry();
    VirtualMemoryMax.register(r, dir.resolve("missing"));
    assertThat(r.scrape().get(0).getDataPoints()).isEmpty();
  }

  @Test
  void theRealFileOfThisProcessReads() {
    assertThat(VirtualMemoryMax.read(Path.of("/proc/self/limits"))).isPositive();
  }
}
