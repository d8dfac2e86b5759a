package io.agentcollector.api.container;

import java.util.concurrent.TimeUnit;

/** The {@link DaemonWatch} watcher's time: real in the agent, driven by the test in tests. */
interface Sleeper {

  Sleeper SYSTEM =
      new Sleeper() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public void await(Object lock, long nanos) throws InterruptedException {
          if (nanos == Long.MAX_VALUE) {
            lock.wait();
          } else {
            TimeUnit.NANOSECONDS.timedWait(lock, nanos);
          }
        }
      };

  long nanoTime();

  /** Waits on {@code lock} (held) until notified or {@code nanos} passed; MAX_VALUE: no limit. */
  void await(Object lock, long nanos) throws InterruptedException;
}
