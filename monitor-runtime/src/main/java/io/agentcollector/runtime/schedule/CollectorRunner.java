package io.agentcollector.runtime.schedule;

import io.agentcollector.api.Collector;
import io.agentcollector.api.Failures;
import io.agentcollector.runtime.OutOfMemory;
import io.agentcollector.runtime.config.Durations;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one collector: never two cycles at once, each bounded by the plugin's timeout (the thread is
 * interrupted and the cycle fails; a thread that still does not return is given up to the pool),
 * failing when no cycle completes for two intervals (stuck, or starved of threads). Results are
 * checked ({@link CheckedResult}) and kept in the collector's {@link CollectorHealth}.
 */
public final class CollectorRunner {

  /** How long an interrupted cycle may take to return before its thread is given up. */
  static final Duration GIVE_UP_AFTER = Duration.ofSeconds(1);

  private final CollectorSpec spec;
  private final RunnerServices services;
  private final Deadlines deadlines;
  private final CollectorHealth health;

  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicLong cpuNanos = new AtomicLong();
  // stuck: a cycle was abandoned at its timeout but its thread has not returned yet; inCycle: a
  // worker is inside collect(), not just queued for one; lastEndMillis: when the last cycle
  // ended, or of the first tick, -1 before it.
  private volatile boolean stuck;
  private volatile boolean inCycle;
  private volatile long lastEndMillis = -1;

  public CollectorRunner(CollectorSpec spec, RunnerServices services) {
    this.spec = spec;
    this.services = services;
    this.deadlines = new Deadlines(spec.interval(), spec.timeout());
    this.health = new CollectorHealth(spec.id(), deadlines, services.clock());
  }

  /** Starts a cycle on {@code workers} unless the previous one is still running. */
  public void tick(WorkerPool workers, ScheduledExecutorService timer) {
    if (health.state() == CollectorState.DISABLED) {
      return;
    }
    if (lastEndMillis < 0) {
      lastEndMillis = services.clock().millis();
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
   * collector is stuck; a cycle still waiting for a thread for two intervals is starved. Each such
   * tick is one missed interval, counted as an error.
   */
  private void overdue(WorkerPool workers) {
    Duration after = deadlines.overdueAfter();
    if (stuck) {
      health.failed("previous cycle still running (it ignored the interrupt at its timeout)", -1);
    } else if (services.clock().millis() - lastEndMillis >= after.toMillis()) {
      String why =
          inCycle
              ? "its cycle is still running"
              : "waiting for a free worker thread (all " + workers.threads() + " busy)";
      health.failed("no cycle completed in " + Durations.format(after) + ": " + why, -1);
    }
  }

  /** Runs one cycle on the calling thread, bounded by the timeout (for {@code snapshot}). */
  public void runOnce(ScheduledExecutorService timer) {
    // A collector that failed to start keeps the reason it was disabled with.
    if (health.state() != CollectorState.DISABLED && running.compareAndSet(false, true)) {
      run(new Cycle(Thread.currentThread()), timer, null);
    }
  }

  /**
   * @param pool gets the thread if it ignores the interrupt; null: it is never given up
   */
  private void run(Cycle cycle, ScheduledExecutorService timer, WorkerPool pool) {
    long start = System.nanoTime();
    long cpuStart = ThreadCpu.nanos();
    inCycle = true;
    long timeoutMillis = spec.timeout().toMillis();
    var watchdog =
        timer.schedule(() -> abandon(cycle, timer, pool), timeoutMillis, TimeUnit.MILLISECONDS);
    boolean outOfMemory;
    try {
      outOfMemory = collect(cycle, start);
    } finally {
      cpuNanos.addAndGet(ThreadCpu.since(cpuStart));
      watchdog.cancel(false);
      inCycle = false;
      lastEndMillis = services.clock().millis();
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

  /** The collector's cycle; its outcome counts unless the watchdog settled it first. */
  private boolean collect(Cycle cycle, long start) {
    try {
      MetricSnapshots result = spec.collector().collect();
      if (cycle.settle()) {
        completed(result == null ? MetricSnapshots.of() : result, seconds(start));
      }
    } catch (OutOfMemoryError e) {
      // The cycle's garbage is unreachable once we are here: fail the cycle, let the guard decide.
      if (cycle.settle()) {
        health.failed("out of memory: " + Failures.summary(e), seconds(start));
      }
      return true;
    } catch (Exception | LinkageError | StackOverflowError e) {
      if (cycle.settle()) {
        health.failed(Failures.summary(e), seconds(start));
      }
    }
    return false;
  }

  private void abandon(Cycle cycle, ScheduledExecutorService timer, WorkerPool pool) {
    // Built before the interrupt: nothing slow (a first class load) between it and the count.
    String reason = "timed out after " + Durations.format(spec.timeout()) + " and was interrupted";
    if (cycle.abandon()) {
      stuck = true;
      health.failed(reason, spec.timeout().toNanos() / 1e9);
      if (pool != null) {
        timer.schedule(() -> cycle.giveUp(pool), GIVE_UP_AFTER.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  private void completed(MetricSnapshots result, double seconds) {
    CheckedResult checked = CheckedResult.check(id(), result, spec.budget(), services);
    if (checked.refused().isPresent()) {
      health.failed(checked.refused().get(), seconds);
    } else if (checked.clashes().isPresent()) {
      health.partial(checked.kept(), checked.series(), seconds, checked.clashes().get());
    } else {
      health.succeeded(checked.kept(), checked.series(), seconds);
    }
  }

  /** Takes the collector out for good (its start failed, or a duplicate collector name). */
  public void disable(String reason) {
    health.disable(reason);
  }

  /** The last good result, unless it is stale. */
  public MetricSnapshots current() {
    return health.stale() ? MetricSnapshots.of() : services.owners().served(id(), health.last());
  }

  /**
   * Changes whenever {@link #current()} or this runner's self-metrics would: a cycle ended, the
   * runner was disabled, or its result went stale. Comparable with {@code ==} only.
   */
  public long version() {
    return health.version();
  }

  /**
   * Fresh and good, what {@code monitor_collector_success} says: OK, and the last success no older
   * than the overdue window (a collector starved of threads keeps its state until a tick notices;
   * this does not wait for that).
   */
  public boolean succeeding() {
    return health.succeeding();
  }

  public String id() {
    return spec.id();
  }

  public String plugin() {
    return spec.plugin();
  }

  public Collector collector() {
    return spec.collector();
  }

  public Duration interval() {
    return spec.interval();
  }

  public CollectorState state() {
    return health.state();
  }

  public String lastError() {
    return health.lastError();
  }

  public long errors() {
    return health.errors();
  }

  /** CPU time the collector's cycles used on their own thread, in seconds. */
  public double cpuSeconds() {
    return cpuNanos.get() / 1e9;
  }

  public double lastDurationSeconds() {
    return health.lastDurationSeconds();
  }

  /** Milliseconds since the epoch of the last success, -1 if none. */
  public long lastSuccessMillis() {
    return health.lastSuccessMillis();
  }

  /** Samples served from the last good or partial cycle; 0 while nothing fresh is served. */
  public long series() {
    return health.series();
  }

  /** Cycles over the series budget (refused, or cut short by the collector). */
  public long budgetExceeded() {
    return spec.budget().exceeded();
  }

  public boolean finishedOnce() {
    return health.finishedOnce();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
