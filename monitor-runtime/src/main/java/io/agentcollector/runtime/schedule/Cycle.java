package io.agentcollector.runtime.schedule;

/**
 * One cycle's outcome is settled once, either by the collector returning or by the watchdog; the
 * watchdog interrupts only while the collector is still inside {@code collect()}. A thread that
 * still has not returned some time later is given up to the pool, and reclaimed when it finally
 * returns.
 */
final class Cycle {

  private final Thread thread;
  private boolean settled;
  private boolean finished;
  private boolean givenUp;

  Cycle(Thread thread) {
    this.thread = thread;
  }

  synchronized boolean settle() {
    if (settled) {
      return false;
    }
    settled = true;
    return true;
  }

  synchronized boolean abandon() {
    if (settled) {
      return false;
    }
    settled = true;
    thread.interrupt();
    return true;
  }

  /** Gives the thread up to {@code pool} if the cycle is still running; true if it was. */
  synchronized boolean giveUp(WorkerPool pool) {
    if (finished || givenUp) {
      return false;
    }
    givenUp = pool.giveUp();
    return givenUp;
  }

  /**
   * @return whether the thread had been given up (and is now to be reclaimed)
   */
  synchronized boolean finish() {
    finished = true;
    // Clear an interrupt that arrived after collect() returned, before the pool reuses the thread.
    Thread.interrupted();
    return givenUp;
  }
}
