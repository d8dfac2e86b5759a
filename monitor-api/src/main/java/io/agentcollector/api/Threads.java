package io.agentcollector.api;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread factories for the agent and its plugins. */
public final class Threads {

  private Threads() {}

  /**
   * Daemon threads named {@code prefix-1}, {@code prefix-2}, …: a thread stuck in the kernel or on
   * a dead socket must not keep the JVM from exiting, and a thread dump names its owner.
   */
  public static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Starts one daemon thread named {@code name}. */
  public static Thread startDaemon(String name, Runnable task) {
    Thread t = new Thread(task, name);
    t.setDaemon(true);
    t.start();
    return t;
  }
}
