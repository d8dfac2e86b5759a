package io.agentcollector.runtime.schedule;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Triggers each collector on its own interval and runs the cycles on a bounded pool. A collector
 * that hangs and ignores interrupts holds at most one worker; its later ticks are skipped.
 */
public final class Scheduler implements AutoCloseable {

  private final ScheduledExecutorService timer;
  private final ExecutorService workers;

  public Scheduler(int threads) {
    timer = Executors.newSingleThreadScheduledExecutor(daemon("scheduler"));
    workers = Executors.newFixedThreadPool(threads, daemon("collector"));
  }

  /** The timer thread, also used for timeouts; its tasks never block. */
  public ScheduledExecutorService timer() {
    return timer;
  }

  public void start(List<CollectorRunner> runners) {
    for (CollectorRunner r : runners) {
      timer.scheduleAtFixedRate(
          () -> r.tick(workers, timer), 0, r.interval().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    workers.shutdownNow();
    try {
      workers.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
