package io.agentcollector.runtime.schedule;

import io.agentcollector.api.Threads;
import io.agentcollector.runtime.OutOfMemory;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Triggers each collector on its own interval and runs the cycles on a bounded pool. A collector
 * that hangs and ignores interrupts holds one thread, which the pool gives up and replaces (up to
 * as many as the pool has threads); its later ticks are skipped and counted as errors.
 */
public final class Scheduler implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

  /** The timer thread, also used for timeouts; its tasks never block. */
  private final ScheduledExecutorService timer;

  private final WorkerPool workers;

  public Scheduler(int threads) {
    timer = Executors.newSingleThreadScheduledExecutor(Threads.daemon("scheduler"));
    workers = new WorkerPool(threads, threads);
  }

  public WorkerPool workers() {
    return workers;
  }

  public void start(List<CollectorRunner> runners) {
    for (CollectorRunner r : runners) {
      timer.scheduleAtFixedRate(() -> tick(r), 0, r.interval().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** A periodic task that throws is never run again: nothing may escape a tick. */
  private void tick(CollectorRunner r) {
    try {
      r.tick(workers, timer);
    } catch (OutOfMemoryError e) {
      OutOfMemory.uncaught(Thread.currentThread(), e);
    } catch (RuntimeException e) {
      log.error("tick of collector {} failed: {}", r.id(), e.toString());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    workers.close();
  }
}
