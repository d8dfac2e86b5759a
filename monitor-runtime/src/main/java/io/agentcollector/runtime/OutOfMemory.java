package io.agentcollector.runtime;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the agent does when the heap runs out. An {@link OutOfMemoryError} in a collector cycle
 * fails that cycle and is counted: the collector's garbage goes with it (a huge textfile, say). If
 * the heap is still nearly full after a full collection, something keeps the memory (a plugin that
 * leaks), or the error hit a thread the agent cannot do without (HTTP, timer): then the process
 * exits with {@link #EXIT_CODE} and one line on stderr, so that its supervisor restarts it, rather
 * than living on without answering.
 */
public final class OutOfMemory {

  /** Exit code after running out of memory (1: internal error, 2: user mistake). */
  public static final int EXIT_CODE = 3;

  /** Heap use after a full collection from which the agent gives up. */
  static final double FULL = 0.9;

  private static final Logger log = LoggerFactory.getLogger(OutOfMemory.class);
  private static final AtomicLong COUNT = new AtomicLong();
  private static final AtomicBoolean INSTALLED = new AtomicBoolean();

  /** Reserved at start, freed on the way out so that the last line can still be written. */
  private static volatile byte[] reserve = new byte[64 * 1024];

  private OutOfMemory() {}

  /** OutOfMemoryErrors seen since the start. */
  public static long count() {
    return COUNT.get();
  }

  /**
   * A collector cycle ran out of memory; the cycle is over and its garbage unreachable. Exits if a
   * full collection does not bring the heap below {@link #FULL}.
   */
  public static void inCollector(String collector) {
    COUNT.incrementAndGet();
    if (INSTALLED.get() && heapFullAfterGc()) {
      exit(
          "out of memory: the heap is still "
              + percentUsed()
              + " full after a full GC once collector "
              + collector
              + " failed with OutOfMemoryError");
    }
  }

  /**
   * Installs the process-wide handlers: an uncaught throwable is one log line, not a stack trace on
   * stdout; an uncaught OutOfMemoryError, or a heap still nearly full after a full collection, ends
   * the process.
   */
  public static void install() {
    if (!INSTALLED.compareAndSet(false, true)) {
      return;
    }
    Thread.setDefaultUncaughtExceptionHandler(OutOfMemory::uncaught);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      // The old generation: the young pools are emptied by every collection anyway.
      String name = pool.getName();
      boolean young = name.contains("Eden") || name.contains("Survivor");
      if (pool.getType() == MemoryType.HEAP
          && !young
          && pool.isCollectionUsageThresholdSupported()) {
        long max = pool.getUsage().getMax();
        if (max > 0) {
          pool.setCollectionUsageThreshold((long) (max * FULL));
        }
      }
    }
    ((NotificationEmitter) memory)
        .addNotificationListener(
            (n, handback) -> {
              if (MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(n.getType())
                  && heapFullAfterGc()) {
                exit("out of memory: the heap is still " + percentUsed() + " full after a full GC");
              }
            },
            null,
            null);
  }

  /** The default uncaught-exception handler: one log line; an OutOfMemoryError ends the process. */
  public static void uncaught(Thread t, Throwable e) {
    if (e instanceof OutOfMemoryError) {
      COUNT.incrementAndGet();
      exit("out of memory in thread " + t.getName() + ": " + e);
    }
    try {
      log.error("uncaught {} in thread {}", e, t.getName());
    } catch (Throwable ignored) {
      // Logging failed too: nothing else to do for a thread that is ending anyway.
    }
  }

  private static boolean heapFullAfterGc() {
    System.gc();
    return used() >= FULL;
  }

  private static double used() {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
    return (double) heap.getUsed() / max;
  }

  private static String percentUsed() {
    return Math.round(used() * 100) + "%";
  }

  /** One line on stderr (and in the log when it still works), then halt: hooks could hang. */
  static void exit(String line) {
    reserve = null;
    String message = "monitor: " + line + "; exiting with code " + EXIT_CODE + " for a restart";
    System.err.println(message);
    System.err.flush();
    Runtime.getRuntime().halt(EXIT_CODE);
  }
}
