package io.agentcollector.plugin.system;

import com.sun.jna.LastErrorException;
import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.MetricFamilies;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.function.Supplier;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter's timex collector: the kernel clock discipline from adjtimex(2) (read-only, through
 * JNA): {@code node_timex_sync_status}, {@code _offset_seconds}, {@code
 * _frequency_adjustment_ratio}, {@code _maxerror_seconds}, {@code _estimated_error_seconds}, {@code
 * _status}, {@code _loop_time_constant}, {@code _tick_seconds}, {@code _pps_*} and {@code
 * _tai_offset_seconds}. Empty when JNA is unavailable or the call is refused (EPERM). Golden file:
 * {@code src/test/golden/timex.prom} (from a fixed struct: adjtimex cannot read a fixture tree).
 */
@Extension
@CollectorInfo(name = "timex", nodeExporter = true)
public final class TimexCollector implements Collector {

  private static final double NANOS = 1e9;
  private static final double MICROS = 1e6;

  /** freq, ppsfreq and stabil are ppm with a 16-bit binary fraction (adjtimex(2), NOTES). */
  private static final double PPM16FRAC = 1000000.0 * 65536.0;

  private final Supplier<KernelTimex> source;
  private final Logger log;

  public TimexCollector(CollectorContext context) {
    this(context, new Libc.Adjtimex());
  }

  /** For tests: a given adjtimex(2) result. */
  TimexCollector(CollectorContext context, Supplier<KernelTimex> source) {
    this.source = source;
    log = context.logger();
  }

  @Override
  public MetricSnapshots collect() {
    MetricFamilies f = new MetricFamilies();
    KernelTimex t;
    try {
      t = source.get();
    } catch (IllegalStateException e) {
      log.debug("no adjtimex: {}", e.getMessage());
      return f.build();
    } catch (LastErrorException e) {
      if (e.getErrorCode() == Libc.EPERM) {
        log.debug("adjtimex refused (EPERM): not collecting timex metrics");
        return f.build();
      }
      throw new IllegalStateException("adjtimex failed with errno " + e.getErrorCode(), e);
    }
    map(t, f);
    return f.build();
  }

  /** Converts the kernel's units as node_exporter 1.5.0 does. */
  static void map(KernelTimex t, MetricFamilies f) {
    double divisor = (t.status() & KernelTimex.STA_NANO) != 0 ? NANOS : MICROS;
    gauge(
        f,
        "node_timex_sync_status",
        "1 if the clock is synchronised to a reliable server, else 0.",
        t.state() == KernelTimex.TIME_ERROR ? 0 : 1);
    gauge(
        f,
        "node_timex_offset_seconds",
        "Offset between the local and the reference clock.",
        t.offset() / divisor);
    gauge(
        f,
        "node_timex_frequency_adjustment_ratio",
        "Frequency adjustment of the local clock.",
        1 + t.freq() / PPM16FRAC);
    gauge(f, "node_timex_maxerror_seconds", "Maximum error.", t.maxerror() / MICROS);
    gauge(f, "node_timex_estimated_error_seconds", "Estimated error.", t.esterror() / MICROS);
    gauge(f, "node_timex_status", "Clock status bits (STA_*).", t.status());
    gauge(
        f,
        "node_timex_loop_time_constant",
        "Time constant of the phase-locked loop.",
        t.constant());
    gauge(f, "node_timex_tick_seconds", "Time between clock ticks.", t.tick() / MICROS);
    gauge(f, "node_timex_pps_frequency_hertz", "PPS frequency.", t.ppsfreq() / PPM16FRAC);
    gauge(f, "node_timex_pps_jitter_seconds", "PPS jitter.", t.jitter() / divisor);
    gauge(f, "node_timex_pps_shift_seconds", "PPS interval duration (log2 seconds).", t.shift());
    gauge(
        f,
        "node_timex_pps_stability_hertz",
        "PPS stability (average of recent frequency changes).",
        t.stabil() / PPM16FRAC);
    counter(f, "node_timex_pps_jitter_total", "PPS jitter limit exceeded events.", t.jitcnt());
    counter(f, "node_timex_pps_calibration_total", "PPS calibration intervals.", t.calcnt());
    counter(f, "node_timex_pps_error_total", "PPS calibration errors.", t.errcnt());
    counter(
        f,
        "node_timex_pps_stability_exceeded_total",
        "PPS stability limit exceeded events.",
        t.stbcnt());
    gauge(
        f,
        "node_timex_tai_offset_seconds",
        "Offset of International Atomic Time (TAI) from UTC.",
        t.tai());
  }

  private static void gauge(MetricFamilies f, String name, String help, double value) {
    f.gauge(name, help).add(value);
  }

  private static void counter(MetricFamilies f, String name, String help, double value) {
    f.counter(name, help).add(value);
  }
}
