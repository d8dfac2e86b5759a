package io.agentcollector.it;

import io.agentcollector.testkit.AgentProcess;
import io.agentcollector.testkit.ExpositionSamples;
import java.util.ArrayList;
import java.util.List;

/**
 * The containers collector's cycles as /metrics shows them, scraped every 100 ms on a thread of its
 * own: one line per change of its last cycle (times in ms from {@code zero}), for the output of a
 * test that waits for something to show up within a cycle.
 */
final class CycleTrace {

  private final List<String> lines = new ArrayList<>();
  private final AgentProcess agent;
  private final long zero;
  private volatile boolean running = true;
  private Thread thread;

  private CycleTrace(AgentProcess agent, long zero) {
    this.agent = agent;
    this.zero = zero;
  }

  static CycleTrace start(AgentProcess agent, long zero) {
    CycleTrace t = new CycleTrace(agent, zero);
    t.thread = new Thread(t::run, "cycle-trace");
    t.thread.setDaemon(true);
    t.thread.start();
    return t;
  }

  private void run() {
    String last = "";
    while (running) {
      try {
        ExpositionSamples s = ExpositionSamples.parse(agent.metrics());
        double end = value(s, "monitor_collector_last_success_timestamp_seconds");
        String now =
            String.format(
                "success=%.0f last good cycle %.0f-%.0f ms, docker up=%.0f, errors=%.0f",
                value(s, "monitor_collector_success"),
                (end - value(s, "monitor_collector_duration_seconds")) * 1000 - zero,
                end * 1000 - zero,
                s.value("monitor_container_runtime_up", "runtime", "docker").orElse(Double.NaN),
                value(s, "monitor_collector_errors_total"));
        if (!now.equals(last)) {
          synchronized (lines) {
            lines.add(String.format("  %6d ms: %s", System.currentTimeMillis() - zero, now));
          }
          last = now;
        }
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException | AssertionError e) {
        if (!running) {
          return; // stop() interrupted this scrape
        }
        synchronized (lines) {
          lines.add("  scrape failed: " + e);
        }
      }
    }
  }

  private static double value(ExpositionSamples s, String family) {
    return s.value(family, "collector", "containers").orElse(Double.NaN);
  }

  void stop() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(5000);
  }

  @Override
  public String toString() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }
}
