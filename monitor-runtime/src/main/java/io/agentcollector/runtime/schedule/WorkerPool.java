package io.agentcollector.runtime.schedule;

import io.agentcollector.api.Threads;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The threads that run collector cycles. A thread stuck in a cycle past its timeout (the collector
 * ignored the interrupt) is given up: left to finish on its own and replaced by a new worker, so
 * stuck collectors cannot starve the others. At most {@code maxAbandoned} threads are given up at a
 * time; past that a stuck thread keeps its place in the pool until it returns.
 */
public final class WorkerPool implements Executor, AutoCloseable {

  private final int threads;
  private final int maxAbandoned;
  private final ThreadPoolExecutor pool;
  private final AtomicLong abandonedTotal = new AtomicLong();
  private int abandoned;

  public WorkerPool(int threads, int maxAbandoned) {
    this.threads = threads;
    this.maxAbandoned = maxAbandoned;
    pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            Threads.daemon("collector"));
  }

  @Override
  public void execute(Runnable cycle) {
    pool.execute(cycle);
  }

  /**
   * Gives up the calling cycle's thread: the pool grows by one worker until {@link #reclaim}.
   *
   * @return false when the bound is reached (the stuck thread then stays counted in the pool)
   */
  synchronized boolean giveUp() {
    if (abandoned >= maxAbandoned) {
      return false;
    }
    abandoned++;
    abandonedTotal.incrementAndGet();
    resize();
    return true;
  }

  /** A given-up thread returned: the pool shrinks back by one worker. */
  synchronized void reclaim() {
    abandoned--;
    resize();
  }

  private void resize() {
    int size = threads + abandoned;
    // The maximum may never drop below the core size: raise it first, lower it last.
    if (size > pool.getMaximumPoolSize()) {
      pool.setMaximumPoolSize(size);
      pool.setCorePoolSize(size);
    } else {
      pool.setCorePoolSize(size);
      pool.setMaximumPoolSize(size);
    }
  }

  /** Threads given up and not returned yet. */
  public synchronized int abandoned() {
    return abandoned;
  }

  /** Threads given up since the start. */
  public long abandonedTotal() {
    return abandonedTotal.get();
  }

  public int threads() {
    return threads;
  }

  @Override
  public void close() {
    pool.shutdownNow();
    try {
      pool.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
