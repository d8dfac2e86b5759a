package io.agentcollector.plugin.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.LastErrorException;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.testkit.CollectorRun;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.Infra;
import io.agentcollector.testkit.TestContext;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.junit.jupiter.api.Test;

/** Unit conversion on fixed structs; the live call only where JNA loads. */
class TimexCollectorTest {

  /** A chrony-disciplined clock: STA_PLL|STA_NANO, offset in ns. */
  static final KernelTimex NANO =
      new KernelTimex(
          0, -123456, 1638400, 16000, 250, 0x2001, 7, 10000, 65536000, 2500, 2, 131072, 3, 4, 5, 6,
          37);

  static MetricSnapshots map(KernelTimex t) {
    MetricFamilies f = new MetricFamilies();
    TimexCollector.map(t, f);
    return f.build();
  }

  @Test
  void goldenFromAFixedStruct() throws Exception {
    Golden.assertMatches(
        CollectorRun.once(c -> new TimexCollector(c, () -> NANO), TestContext.forPlugin("system")),
        "timex.prom");
  }

  @Test
  void nanosecondResolution() {
    MetricSnapshots out = map(NANO);
    assertThat(Exposition.value(out, "node_timex_sync_status")).hasValue(1);
    assertThat(Exposition.value(out, "node_timex_offset_seconds")).hasValue(-0.000123456);
    assertThat(Exposition.value(out, "node_timex_pps_jitter_seconds")).hasValue(0.0000025);
    // freq 1638400 = 25 ppm << 16
    assertThat(Exposition.value(out, "node_timex_frequency_adjustment_ratio")).hasValue(1.000025);
    assertThat(Exposition.value(out, "node_timex_maxerror_seconds")).hasValue(0.016);
    assertThat(Exposition.value(out, "node_timex_estimated_error_seconds")).hasValue(0.00025);
    assertThat(Exposition.value(out, "node_timex_tick_seconds")).hasValue(0.01);
    assertThat(Exposition.value(out, "node_timex_pps_frequency_hertz")).hasValue(0.001);
    assertThat(Exposition.value(out, "node_timex_pps_stability_hertz")).hasValue(2e-6);
    assertThat(Exposition.value(out, "node_timex_status")).hasValue(0x2001);
    assertThat(Exposition.value(out, "node_timex_pps_shift_seconds")).hasValue(2);
    assertThat(Exposition.value(out, "node_timex_pps_calibration_total")).hasValue(4);
    assertThat(Exposition.value(out, "node_timex_tai_offset_seconds")).hasValue(37);
  }

  @Test
  void microsecondResolutionAndUnsynchronisedClock() {
    KernelTimex micro =
        new KernelTimex(
            KernelTimex.TIME_ERROR,
            -123456,
            0,
            16000000,
            16000000,
            0x40,
            2,
            10000,
            0,
            2500,
            0,
            0,
            0,
            0,
            0,
            0,
            0);
    MetricSnapshots out = map(micro);
    assertThat(Exposition.value(out, "node_timex_sync_status")).hasValue(0);
    assertThat(Exposition.value(out, "node_timex_offset_seconds")).hasValue(-0.123456);
    assertThat(Exposition.value(out, "node_timex_pps_jitter_seconds")).hasValue(0.0025);
    assertThat(Exposition.value(out, "node_timex_frequency_adjustment_ratio")).hasValue(1);
    assertThat(Exposition.value(out, "node_timex_maxerror_seconds")).hasValue(16);
  }

  @Test
  void refusedCallIsAnEmptyResult() throws Exception {
    CollectorRun.Creator refused =
        c ->
            new TimexCollector(
                c,
                () -> {
                  throw new LastErrorException(Libc.EPERM);
                });
    assertThat(CollectorRun.once(refused, TestContext.forPlugin("system")).size()).isZero();
  }

  @Test
  void structMatchesTheKernelLayout() {
    if (!Libc.available()) {
      Infra.missing("JNA and libc for adjtimex(2)");
    }
    assertThat(new Libc.TimexStruct().size()).isEqualTo(208);
  }

  @Test
  void liveReadOnlyCall() throws Exception {
    if (!Libc.available()) {
      Infra.missing("JNA and libc for adjtimex(2)");
    }
    MetricSnapshots out = CollectorRun.once(TimexCollector::new, TestContext.forPlugin("system"));
    assertThat(out.size()).isEqualTo(17);
    assertThat(Exposition.value(out, "node_timex_tick_seconds")).isPresent();
  }
}
