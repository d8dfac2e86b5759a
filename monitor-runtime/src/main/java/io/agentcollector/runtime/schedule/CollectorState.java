package io.agentcollector.runtime.schedule;

/** Where a collector stands, for the landing page, {@code /-/ready} and the logs. */
public enum CollectorState {
  /** Started, no cycle finished yet. */
  PENDING,
  OK,
  /** The last cycle failed, or some of its families were withheld (a name clash). */
  FAILING,
  /** Taken out for good (its start failed, or its plugin has two collectors of one name). */
  DISABLED
}
