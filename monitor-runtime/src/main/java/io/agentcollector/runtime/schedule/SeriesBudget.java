package io.agentcollector.runtime.schedule;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One collector's series budget ({@code max-series}): the most samples one cycle may return, as
 * Prometheus' {@code sample_limit} counts them. A result over it is refused whole (the last good
 * result stays served until stale, as a failed cycle's), never cut: a cut result would look
 * complete. A collector that stops early on its own (textfile) reports that through its context
 * instead. Either way the cycle counts in {@code monitor_collector_series_budget_exceeded_total}.
 */
public final class SeriesBudget {

  private final long max;
  private final String key;
  private final AtomicLong exceeded = new AtomicLong();
  private volatile boolean reported;

  /**
   * @param key the setting it comes from, named in messages ({@code plugins.cpu.max-series})
   */
  public SeriesBudget(long max, String key) {
    this.max = max;
    this.key = key;
  }

  public static SeriesBudget unlimited() {
    return new SeriesBudget(Long.MAX_VALUE, "max-series");
  }

  public long max() {
    return max;
  }

  /** The collector left something out this cycle to stay within {@link #max}. */
  public void reported() {
    reported = true;
  }

  /** Ends a cycle that produced {@code series} samples: why it is refused, if it is. */
  Optional<String> check(long series) {
    boolean over = series > max;
    if (over || reported) {
      exceeded.incrementAndGet();
    }
    reported = false;
    return over
        ? Optional.of(
            "series budget exceeded: "
                + series
                + " series, "
                + key
                + " = "
                + max
                + " (result refused, the last good one is served until stale)")
        : Optional.empty();
  }

  /** Cycles over the budget: refused, or cut short by the collector itself. */
  public long exceeded() {
    return exceeded.get();
  }
}
