package io.agentcollector.runtime.schedule;

/** Where a collector stands, for the landing page, {@code /-/ready} and the logs. */
public enum CollectorState {
  /** Started, no cycle finished yet. */
  PENDING,
  OK,
  FAILING,
  /** Taken out for good (its start failed, or its families clash with another collector's). */
  DISABLED
}
