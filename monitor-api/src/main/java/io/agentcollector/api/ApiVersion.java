package io.agentcollector.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this SPI, matched against a plugin's {@code Plugin-Requires}. */
public final class ApiVersion {

  private ApiVersion() {}

  public static String get() {
    try (InputStream in = ApiVersion.class.getResourceAsStream("api-version.properties")) {
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
