package io.agentcollector.runtime.schedule;

import java.time.Duration;

/**
 * When a collector's result goes stale, and when a collector without a finished cycle is overdue.
 */
record Deadlines(Duration interval, Duration timeout) {

  /** A result older than this many intervals (or {@link #overdueAfter()}) is no longer served. */
  static final int STALE_AFTER_INTERVALS = 3;

  /** A collector that completed no cycle for this many intervals is failing: stuck or starved. */
  static final int OVERDUE_AFTER_INTERVALS = 2;

  /** Two intervals, or one interval and the timeout if that is longer. */
  Duration overdueAfter() {
    Duration i = interval.multipliedBy(OVERDUE_AFTER_INTERVALS);
    Duration t = interval.plus(timeout);
    return i.compareTo(t) >= 0 ? i : t;
  }

  /**
   * @param sinceMillis the last success, or the last end of a cycle; -1 for never
   */
  boolean overdue(long sinceMillis, long nowMillis) {
    return sinceMillis < 0 || nowMillis - sinceMillis > overdueAfter().toMillis();
  }

  /**
   * Three intervals, or {@link #overdueAfter()} if that is longer (a timeout over two intervals): a
   * result must not stop being served while the collector still counts as succeeding, or its series
   * would vanish with {@code monitor_collector_success} 1 (a slow cycle within its timeout).
   */
  Duration staleAfter() {
    Duration i = interval.multipliedBy(STALE_AFTER_INTERVALS);
    Duration o = overdueAfter();
    return i.compareTo(o) >= 0 ? i : o;
  }

  boolean stale(long lastSuccessMillis, long nowMillis) {
    return lastSuccessMillis < 0 || nowMillis - lastSuccessMillis > staleAfter().toMillis();
  }
}
