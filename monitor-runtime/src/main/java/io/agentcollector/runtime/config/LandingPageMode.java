package io.agentcollector.runtime.config;

import io.agentcollector.api.InvalidConfigException;
import java.util.Locale;

/**
 * {@code web.landing-page}: how much the unauthenticated page at {@code /} tells. File paths and
 * raw error text (which can quote a broken file's bytes) only when the operator asks for them.
 */
public enum LandingPageMode {
  /** Plugins, collectors, states; errors sanitized, no paths. The default. */
  SUMMARY,
  /** Also the config file, plugin files and full error messages. */
  DETAILED,
  /** A one-line page pointing at /metrics. */
  OFF;

  static LandingPageMode parse(String key, String value) {
    // HOCON reads an unquoted off as the boolean false.
    if (value.equals("false")) {
      return OFF;
    }
    for (LandingPageMode m : values()) {
      if (m.name().toLowerCase(Locale.ROOT).equals(value)) {
        return m;
      }
    }
    throw new InvalidConfigException(key, value, "summary, detailed or off");
  }

  /** As written in the config. */
  public String configValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
