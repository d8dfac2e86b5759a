package io.agentcollector.runtime.selfmetrics;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Version and git revision stamped in at build time. */
public record BuildInfo(String version, String revision, String javaVersion) {

  public static BuildInfo get() {
    Properties p = new Properties();
    try (InputStream in =
        BuildInfo.class.getResourceAsStream("/io/agentcollector/runtime/build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // Fall through to "unknown": build info is informational.
    }
    return new BuildInfo(
        clean(p.getProperty("version")),
        clean(p.getProperty("revision")),
        System.getProperty("java.version"));
  }

  private static String clean(String v) {
    return v == null || v.isBlank() || v.startsWith("${") ? "unknown" : v;
  }

  @Override
  public String toString() {
    return "agent-collector " + version + " (revision " + revision + ", Java " + javaVersion + ")";
  }
}
