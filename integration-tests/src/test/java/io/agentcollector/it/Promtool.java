package io.agentcollector.it;

import io.agentcollector.testkit.Infra;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's promtool (package prometheus). */
final class Promtool {

  /** rc 0 = clean, 3 = lint problems only, 1 = does not parse. */
  record Check(int exitCode, List<String> lintLines) {}

  /** Exit code and output (stdout and stderr together) of one promtool command. */
  record Result(int exitCode, String output) {}

  private Promtool() {}

  static Check checkMetrics(String exposition) throws IOException, InterruptedException {
    Path promtool = Infra.requireCommand("promtool", "apt-get install prometheus");
    Process p =
        new ProcessBuilder(promtool.toString(), "check", "metrics")
            .redirectErrorStream(true)
            .start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(exposition.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Check(p.waitFor(), out.lines().filter(l -> !l.isBlank()).toList());
  }

  /** {@code promtool args…} run in {@code dir} (rule and test files name paths relative to it). */
  static Result run(Path dir, String... args) throws IOException, InterruptedException {
    Path promtool = Infra.requireCommand("promtool", "apt-get install prometheus");
    List<String> cmd = new ArrayList<>(List.of(promtool.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("promtool " + String.join(" ", args) + " did not finish in 60 s");
    }
    return new Result(p.exitValue(), out);
  }
}
