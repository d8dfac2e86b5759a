package io.agentcollector.it;

import io.agentcollector.testkit.Infra;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Debian's promtool (package prometheus). */
final class Promtool {

  /** rc 0 = clean, 3 = lint problems only, 1 = does not parse. */
  record Check(int exitCode, List<String> lintLines) {}

  private Promtool() {}

  static Check checkMetrics(String exposition) throws IOException, InterruptedException {
    Path promtool = Infra.requireCommand("promtool", "apt-get install prometheus");
    Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(exposition.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Check(p.waitFor(), out.lines().filter(l -> !l.isBlank()).toList());
  }
}
