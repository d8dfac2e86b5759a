package io.agentcollector.runtime.schedule;

import io.agentcollector.api.Collector;
import io.agentcollector.runtime.config.Durations;
import io.agentcollector.runtime.OutOfMemory;
import io.agentcollector.api.Failures;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one collector: never two cycles at once, each cycle bounded by the plugin's timeout
 * (the thread is interrupted and the cycle counted as failed; a thread that still does not
 * return is given up to the pool), the last good result kept for the scrape, a collector that
 * completes no cycle for two intervals (stuck, or starved of threads) failing, and one log line
 * per change of state.
 */
public final class CollectorRunner {

  private static final Logger log = LoggerFactory.getLogger(CollectorRunner.class);

  /** How long an interrupted cycle may take to return before its thread is given up. */
  static final Duration GIVE_UP_AFTER = Duration.ofSeconds(1);

  private final String plugin;
  private final Collector collector;
  private final Duration interval;
  private final Duration timeout;
  private final Deadlines deadlines;
  private final Clock clock;
  private final LabelInjector labels;
  private final FamilyOwners owners;
  private final SeriesBudget budget;

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
  /** A worker is inside collect() (not just queued for one). */
  private volatile boolean inCycle;
  /** When the last cycle ended, or of the first tick; -1 before it. */
  private volatile long lastEndMillis = -1;
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
    this.deadlines = new Deadlines(interval, timeout);
    this.clock = clock;
    this.labels = labels;
    this.owners = owners;
    this.budget = budget;
  }

  /** Starts a cycle on {@code workers} unless the previous one is still running. */
  public void tick(WorkerPool workers, ScheduledExecutorService timer) {
    if (state == CollectorState.DISABLED) {
      return;
    }
    if (lastEndMillis < 0) {
      lastEndMillis = clock.millis();
    }
    if (!running.compareAndSet(false, true)) {
      overdue(workers);
      return;
    }
    try {
      workers.execute(() -> run(new Cycle(Thread.currentThread()), timer, workers));
    } catch (RejectedExecutionException e) {
      running.set(false);
    }
  }

  /**
   * The previous cycle has not ended by this tick. Within its timeout it is just slow; past it the
   * collector is stuck; a cycle still waiting for a thread for two intervals is starved. Each
   * such tick is one missed interval, counted as an error.
   */
  private void overdue(WorkerPool workers) {
    if (stuck) {
      failed("previous cycle still running (it ignored the interrupt at its timeout)", -1);
    } else if (clock.millis() - lastEndMillis >= deadlines.overdueAfter().toMillis()) {
      String why = inCycle ? "its cycle is still running" : "waiting for a free worker thread (all " + workers.threads() + " busy)";
      failed("no cycle completed in " + Durations.format(deadlines.overdueAfter()) + ": " + why, -1);
    }
  }

  /** Runs one cycle on the calling thread, bounded by the timeout (for {@code snapshot}). */
  public void runOnce(ScheduledExecutorService timer) {
    if (running.compareAndSet(false, true)) {
      run(new Cycle(Thread.currentThread()), timer, null);
    }
  }

  /** @param pool where the thread is given up if it ignores the interrupt; null: not given up */
  private void run(Cycle cycle, ScheduledExecutorService timer, WorkerPool pool) {
    long start = System.nanoTime();
    long cpuStart = ThreadCpu.nanos();
    inCycle = true;
    var watchdog =
        timer.schedule(() -> abandon(cycle, timer, pool), timeout.toMillis(), TimeUnit.MILLISECONDS);
    boolean outOfMemory = false;
    try {
      MetricSnapshots result = collector.collect();
      if (cycle.settle()) {
        succeeded(result == null ? MetricSnapshots.of() : result, seconds(start));
      }
    } catch (OutOfMemoryError e) {
      // The cycle's garbage is unreachable once we are here: fail the cycle, let the guard decide.
      outOfMemory = true;
      if (cycle.settle()) {
        failed("out of memory: " + Failures.summary(e), seconds(start));
      }
    } catch (Exception | LinkageError | StackOverflowError e) {
      if (cycle.settle()) {
        failed(Failures.summary(e), seconds(start));
      }
    } finally {
      long cpuEnd = ThreadCpu.nanos();
      if (cpuStart >= 0 && cpuEnd >= cpuStart) {
        cpuNanos.addAndGet(cpuEnd - cpuStart);
      }
      watchdog.cancel(false);
      inCycle = false;
      lastEndMillis = clock.millis();
      if (cycle.finish()) {
        pool.reclaim();
      }
      stuck = false;
      running.set(false);
    }
    if (outOfMemory) {
      OutOfMemory.inCollector(id());
    }
  }

  private void abandon(Cycle cycle, ScheduledExecutorService timer, WorkerPool pool) {
    // Built before the interrupt: nothing slow (a first class load) between it and the count.
    String reason = "timed out after " + Durations.format(timeout) + " and was interrupted";
    if (cycle.abandon()) {
      stuck = true;
      failed(reason, timeout.toNanos() / 1e9);
      if (pool != null) {
        timer.schedule(() -> cycle.giveUp(pool), GIVE_UP_AFTER.toMillis(), TimeUnit.MILLISECONDS);
      }
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
      failed(Failures.summary(e), seconds);
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
    return deadlines.stale(lastResultMillis, clock.millis());
  }

  /**
   * Changes whenever {@link #current()} or this runner's self-metrics would: a cycle ended, the
   * runner was disabled, or its result went stale. Comparable with {@code ==} only.
   */
  public long version() {
    return updates.get() << 2 | (stale() ? 2 : 0) | (succeeding() ? 1 : 0);
  }

  /**
   * Fresh and good, what {@code monitor_collector_success} says: OK, and the last success no
   * older than the overdue window (a collector starved of threads keeps its state until a tick
   * notices; this does not wait for that).
   */
  public boolean succeeding() {
    return state == CollectorState.OK && !deadlines.overdue(lastSuccessMillis, clock.millis());
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
}
