package io.agentcollector.runtime.schedule;

import io.agentcollector.api.Collector;
import io.agentcollector.runtime.config.Durations;
import io.agentcollector.runtime.plugins.Reasons;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one collector: never two cycles at once, each cycle bounded by the plugin's timeout
 * (the thread is interrupted and the cycle counted as failed), the last good result kept for the
 * scrape, and one log line per change of state.
 */
public final class CollectorRunner {

  private static final Logger log = LoggerFactory.getLogger(CollectorRunner.class);

  /** A result older than this many intervals is no longer served. */
  static final int STALE_AFTER_INTERVALS = 3;

  private final String plugin;
  private final Collector collector;
  private final Duration interval;
  private final Duration timeout;
  private final Clock clock;
  private final LabelInjector labels;
  private final FamilyOwners owners;
  private final SeriesBudget budget;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong cpuNanos = new AtomicLong();
  private volatile CollectorState state = CollectorState.PENDING;
  private volatile String lastError = "";
  private volatile MetricSnapshots last = MetricSnapshots.of();
  private volatile long lastSuccessMillis = -1;
  /** When {@link #last} was stored: a partial result is fresh but not a success. */
  private volatile long lastResultMillis = -1;
  private volatile double lastDurationSeconds;
  private volatile long series;
  private volatile boolean finishedOnce;
  /** A cycle was abandoned at its timeout but its thread has not returned yet. */
  private volatile boolean stuck;
  /** Bumped on every change of what {@link #current()} or the self-metrics report. */
  private final AtomicLong updates = new AtomicLong();

  public CollectorRunner(
      String plugin,
      Collector collector,
      Duration interval,
      Duration timeout,
      Clock clock,
      LabelInjector labels,
      FamilyOwners owners,
      SeriesBudget budget) {
    this.plugin = plugin;
    this.collector = collector;
    this.interval = interval;
    this.timeout = timeout;
    this.clock = clock;
    this.labels = labels;
    this.owners = owners;
    this.budget = budget;
  }

  /** Starts a cycle on {@code workers} unless the previous one is still running. */
  public void tick(Executor workers, ScheduledExecutorService timer) {
    if (state == CollectorState.DISABLED) {
      return;
    }
    if (!running.compareAndSet(false, true)) {
      // Within its timeout the previous cycle is just slow; past it, the collector is stuck.
      if (stuck) {
        failed("previous cycle still running (it ignored the interrupt at its timeout)", -1);
      }
      return;
    }
    Cycle cycle = new Cycle();
    try {
      workers.execute(() -> run(cycle, timer));
    } catch (RejectedExecutionException e) {
      running.set(false);
    }
  }

  /** Runs one cycle on the calling thread, bounded by the timeout (for {@code snapshot}). */
  public void runOnce(ScheduledExecutorService timer) {
    if (running.compareAndSet(false, true)) {
      run(new Cycle(), timer);
    }
  }

  private void run(Cycle cycle, ScheduledExecutorService timer) {
    Thread thread = Thread.currentThread();
    long start = System.nanoTime();
    long cpuStart = threadCpuNanos();
    var watchdog =
        timer.schedule(() -> abandon(cycle, thread), timeout.toMillis(), TimeUnit.MILLISECONDS);
    try {
      MetricSnapshots result = collector.collect();
      if (cycle.settle()) {
        succeeded(result == null ? MetricSnapshots.of() : result, seconds(start));
      }
    } catch (Exception | LinkageError | StackOverflowError e) {
      if (cycle.settle()) {
        failed(Reasons.of(e), seconds(start));
      }
    } finally {
      long cpuEnd = threadCpuNanos();
      if (cpuStart >= 0 && cpuEnd >= cpuStart) {
        cpuNanos.addAndGet(cpuEnd - cpuStart);
      }
      watchdog.cancel(false);
      cycle.finish();
      stuck = false;
      running.set(false);
    }
  }

  private void abandon(Cycle cycle, Thread thread) {
    // Built before the interrupt: nothing slow (a first class load) between it and the count.
    String reason = "timed out after " + Durations.format(timeout) + " and was interrupted";
    if (cycle.abandon(thread)) {
      stuck = true;
      failed(reason, timeout.toNanos() / 1e9);
    }
  }

  private void succeeded(MetricSnapshots result, double seconds) {
    CheckedResult checked = CheckedResult.check(id(), result, budget, owners);
    if (checked.refused().isPresent()) {
      failed(checked.refused().get(), seconds);
      return;
    }
    MetricSnapshots labelled;
    try {
      labelled = labels.apply(checked.kept());
    } catch (RuntimeException e) {
      failed(Reasons.of(e), seconds);
      return;
    }
    last = labelled;
    series = checked.series();
    lastDurationSeconds = seconds;
    lastResultMillis = clock.millis();
    if (checked.clashes().isPresent()) {
      partial(checked.clashes().get());
      return;
    }
    lastSuccessMillis = lastResultMillis;
    CollectorState before = state;
    state = CollectorState.OK;
    finishedOnce = true;
    updates.incrementAndGet();
    if (before == CollectorState.FAILING) {
      log.info("collector {} recovered", id());
    }
  }

  /**
   * Some families were withheld (their names clash with another collector's): the rest is served
   * and fresh, but the cycle is a failure, so success says 0 and last_success does not move.
   */
  private void partial(String reason) {
    errors.incrementAndGet();
    CollectorState before = state;
    String previous = lastError;
    lastError = reason;
    state = CollectorState.FAILING;
    finishedOnce = true;
    updates.incrementAndGet();
    if (before != CollectorState.FAILING || !reason.equals(previous)) {
      log.warn("collector {} failing: {}", id(), reason);
    }
  }

  /** @param seconds the cycle's duration, or -1 for a skipped cycle (keeps the last one) */
  private void failed(String reason, double seconds) {
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
      log.warn("collector {} failing: {}", id(), reason);
    }
  }

  /** Takes the collector out for good (its start failed, or a duplicate collector name). */
  public void disable(String reason) {
    if (state == CollectorState.DISABLED) {
      return;
    }
    lastError = reason;
    state = CollectorState.DISABLED;
    finishedOnce = true;
    last = MetricSnapshots.of();
    updates.incrementAndGet();
    log.error("collector {} disabled: {}", id(), reason);
  }

  /** The last good result, unless it is stale. */
  public MetricSnapshots current() {
    return stale() ? MetricSnapshots.of() : owners.served(id(), last);
  }

  private boolean stale() {
    long ok = lastResultMillis;
    return ok < 0 || clock.millis() - ok > STALE_AFTER_INTERVALS * interval.toMillis();
  }

  /**
   * Changes whenever {@link #current()} or this runner's self-metrics would: a cycle ended, the
   * runner was disabled, or its result went stale. Comparable with {@code ==} only.
   */
  public long version() {
    long u = updates.get();
    return stale() ? -u - 1 : u;
  }

  public String id() {
    return plugin + "/" + collector.name();
  }

  public String plugin() {
    return plugin;
  }

  public Collector collector() {
    return collector;
  }

  public Duration interval() {
    return interval;
  }

  public CollectorState state() {
    return state;
  }

  public String lastError() {
    return lastError;
  }

  public long errors() {
    return errors.get();
  }

  /** CPU time the collector's cycles used on their own thread, in seconds. */
  public double cpuSeconds() {
    return cpuNanos.get() / 1e9;
  }

  /** This thread's CPU time in nanoseconds, or -1 where the JVM cannot measure it. */
  private static long threadCpuNanos() {
    try {
      return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    } catch (UnsupportedOperationException e) {
      return -1;
    }
  }

  public double lastDurationSeconds() {
    return lastDurationSeconds;
  }

  /** Milliseconds since the epoch of the last success, -1 if none. */
  public long lastSuccessMillis() {
    return lastSuccessMillis;
  }

  /** Samples served from the last good or partial cycle; 0 while nothing fresh is served. */
  public long series() {
    return stale() ? 0 : series;
  }

  /** Cycles over the series budget (refused, or cut short by the collector). */
  public long budgetExceeded() {
    return budget.exceeded();
  }

  public boolean finishedOnce() {
    return finishedOnce;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /**
   * One cycle's outcome is settled once, either by the collector returning or by the watchdog;
   * the watchdog interrupts only while the collector is still inside {@code collect()}.
   */
  private static final class Cycle {
    private boolean settled;

    synchronized boolean settle() {
      if (settled) {
        return false;
      }
      settled = true;
      return true;
    }

    synchronized boolean abandon(Thread thread) {
      if (settled) {
        return false;
      }
      settled = true;
      thread.interrupt();
      return true;
    }

    synchronized void finish() {
      // Clear an interrupt that arrived after collect() returned, before the pool reuses the thread.
      Thread.interrupted();
    }
  }
}
