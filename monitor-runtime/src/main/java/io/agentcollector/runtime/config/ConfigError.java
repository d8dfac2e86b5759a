package io.agentcollector.runtime.config;

/** A user mistake in the configuration: printed as one line, exit code 2. */
public final class ConfigError extends RuntimeException {

  public ConfigError(String message) {
    super(message);
  }
}
