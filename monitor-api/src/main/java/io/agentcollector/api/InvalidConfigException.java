package io.agentcollector.api;

/**
 * A setting the user got wrong. The runtime prints {@link #getMessage()} as one line and exits with
 * code 2, so the message must name the full key, the value and what was expected.
 */
public final class InvalidConfigException extends RuntimeException {

  private final String key;

  public InvalidConfigException(String key, Object value, String expected) {
    super(key + " = " + render(value) + ": expected " + expected);
    this.key = key;
  }

  /** The full key, e.g. {@code plugins.disk.device-exclude}. */
  public String key() {
    return key;
  }

  private static String render(Object value) {
    if (value instanceof String s) {
      return '"' + s + '"';
    }
    return String.valueOf(value);
  }
}
