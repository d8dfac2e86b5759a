package io.agentcollector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MetricFamiliesTest {

  private static String text(MetricSnapshots s) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, s);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void exposesNodeExporterNamesAndTypes() throws IOException {
    MetricFamilies f = new MetricFamilies();
    f.counter("node_cpu_seconds_total", "Seconds the CPUs spent in each mode.")
        .add(12.5, "cpu", "0", "mode", "idle")
        .add(1.25, "cpu", "0", "mode", "user");
    f.gauge("node_load1", "1m load average.").add(0.5);
    f.untyped("node_vmstat_pgfault", "/proc/vmstat information field pgfault.").add(7);
    f.info("node_uname_info", "Labeled system information.").addInfo("sysname", "Linux");
    f.gauge("node_empty", "no samples, left out");

    assertThat(text(f.build()))
        .isEqualTo(
            """
            # HELP node_cpu_seconds_total Seconds the CPUs spent in each mode.
            # TYPE node_cpu_seconds_total counter
            node_cpu_seconds_total{cpu="0",mode="idle"} 12.5
            node_cpu_seconds_total{cpu="0",mode="user"} 1.25
            # HELP node_load1 1m load average.
            # TYPE node_load1 gauge
            node_load1 0.5
            # HELP node_uname_info Labeled system information.
            # TYPE node_uname_info gauge
            node_uname_info{sysname="Linux"} 1
            # HELP node_vmstat_pgfault /proc/vmstat information field pgfault.
            # TYPE node_vmstat_pgfault untyped
            node_vmstat_pgfault 7.0
            """);
  }

  @Test
  void sameNameReturnsSameFamilyButTypeMustAgree() {
    MetricFamilies f = new MetricFamilies();
    f.gauge("x", "h").add(1, "a", "1");
    f.gauge("x", "h").add(2, "a", "2");
    assertThat(f.build().get(0).getDataPoints()).hasSize(2);
    assertThatThrownBy(() -> f.counter("x", "h"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already a GAUGE");
  }
}
