package io.agentcollector.runtime.schedule;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** CPU time of the calling thread, for a collector's cycles. */
final class ThreadCpu {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ThreadCpu() {}

  /** This thread's CPU time in nanoseconds, or -1 where the JVM cannot measure it. */
  static long nanos() {
    try {
      return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    } catch (UnsupportedOperationException e) {
      return -1;
    }
  }

  /** CPU time this thread used since {@code start} (from {@link #nanos()}); 0 if unmeasured. */
  static long since(long start) {
    long end = nanos();
    return start >= 0 && end >= start ? end - start : 0;
  }
}
