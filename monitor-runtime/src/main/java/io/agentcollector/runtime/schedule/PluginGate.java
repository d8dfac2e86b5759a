package io.agentcollector.runtime.schedule;

import java.util.Optional;

/** Shared by the collectors of one plugin: once closed, all of them stop running. */
public final class PluginGate {

  private volatile String reason;

  public void close(String why) {
    if (reason == null) {
      reason = why;
    }
  }

  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }
}
