package io.agentcollector.runtime.schedule;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one collector's cycles came to: its state, errors and last error, the last result kept for
 * the scrape and whether it is still fresh. Logs one line per change of state (and, while some
 * families are withheld, per change of the reason). Written by one cycle at a time, read by scrapes
 * at any time.
 */
final class CollectorHealth {

  // The runner's name: it is the one the log lines have always shown and log configs name.
  private static final Logger log = LoggerFactory.getLogger(CollectorRunner.class);

  private final String id;
  private final Deadlines deadlines;
  private final Clock clock;

  private final AtomicLong errors = new AtomicLong();

  /** Bumped on every change of what {@link #fresh()} or the self-metrics report. */
  private final AtomicLong updates = new AtomicLong();

  private volatile CollectorState state = CollectorState.PENDING;
  private volatile String lastError = "";
  private volatile MetricSnapshots last = MetricSnapshots.of();
  private volatile long series;
  private volatile long lastSuccessMillis = -1;

  /** When {@link #last} was stored: a partial result is fresh but not a success. */
  private volatile long lastResultMillis = -1;

  private volatile double lastDurationSeconds;
  private volatile boolean finishedOnce;

  /**
   * @param id {@code plugin/collector}, as the log lines name it
   */
  CollectorHealth(String id, Deadlines deadlines, Clock clock) {
    this.id = id;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  /** A cycle returned {@code result} ({@code series} samples), all of it served. */
  void succeeded(MetricSnapshots result, long series, double seconds) {
    store(result, series, seconds);
    lastSuccessMillis = lastResultMillis;
    CollectorState before = state;
    state = CollectorState.OK;
    finishedOnce = true;
    updates.incrementAndGet();
    if (before == CollectorState.FAILING) {
      log.info("collector {} recovered", id);
    }
  }

  /**
   * Some families were withheld (their names clash with another collector's): the rest is served
   * and fresh, but the cycle is a failure, so success says 0 and last_success does not move.
   */
  void partial(MetricSnapshots result, long series, double seconds, String reason) {
    store(result, series, seconds);
    errors.incrementAndGet();
    CollectorState before = state;
    String previous = lastError;
    lastError = reason;
    state = CollectorState.FAILING;
    finishedOnce = true;
    updates.incrementAndGet();
    if (before != CollectorState.FAILING || !reason.equals(previous)) {
      log.warn("collector {} failing: {}", id, reason);
    }
  }

  private void store(MetricSnapshots result, long series, double seconds) {
    last = result;
    this.series = series;
    lastDurationSeconds = seconds;
    lastResultMillis = clock.millis();
  }

  /**
   * A cycle failed, or a tick found the previous one overdue; the last result stays served until
   * stale.
   *
   * @param seconds the cycle's duration, or -1 for a skipped cycle (keeps the last one)
   */
  void failed(String reason, double seconds) {
    errors.incrementAndGet();
    lastError = reason;
    if (seconds >= 0) {
      lastDurationSeconds = seconds;
    }
    CollectorState before = state;
    if (before == CollectorState.DISABLED) {
      return;
    }
    state = CollectorState.FAILING;
    finishedOnce = true;
    updates.incrementAndGet();
    if (before != CollectorState.FAILING) {
      log.warn("collector {} failing: {}", id, reason);
    }
  }

  /** Out for good: nothing is served any more, later failures change nothing. */
  void disable(String reason) {
    if (state == CollectorState.DISABLED) {
      return;
    }
    lastError = reason;
    state = CollectorState.DISABLED;
    finishedOnce = true;
    last = MetricSnapshots.of();
    updates.incrementAndGet();
    log.error("collector {} disabled: {}", id, reason);
  }

  /** The last stored result, whether or not it is stale. */
  MetricSnapshots last() {
    return last;
  }

  /** The last result is older than the stale window (or there is none). */
  boolean stale() {
    return deadlines.stale(lastResultMillis, clock.millis());
  }

  /** OK, and the last success no older than the overdue window: fresh and good. */
  boolean succeeding() {
    return state == CollectorState.OK && !deadlines.overdue(lastSuccessMillis, clock.millis());
  }

  /** Changes whenever the served result or the self-metrics would; compare with {@code ==}. */
  long version() {
    return updates.get() << 2 | (stale() ? 2 : 0) | (succeeding() ? 1 : 0);
  }

  CollectorState state() {
    return state;
  }

  String lastError() {
    return lastError;
  }

  long errors() {
    return errors.get();
  }

  double lastDurationSeconds() {
    return lastDurationSeconds;
  }

  long lastSuccessMillis() {
    return lastSuccessMillis;
  }

  /** Samples of the last result; 0 once it is stale. */
  long series() {
    return stale() ? 0 : series;
  }

  boolean finishedOnce() {
    return finishedOnce;
  }
}
