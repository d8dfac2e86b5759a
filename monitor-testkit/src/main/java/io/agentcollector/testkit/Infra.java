package io.agentcollector.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Real infrastructure a test needs (promtool, node_exporter, dockerd, …). Missing under {@code
 * CI=true}: the test fails. Missing locally: the test is skipped, loudly, with what to install.
 */
public final class Infra {

  private Infra() {}

  public static boolean isCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** The path of {@code command} on PATH (or an absolute path), else fail or skip. */
  public static Path requireCommand(String command, String howToGet) {
    Optional<Path> found = findCommand(command);
    if (found.isPresent()) {
      return found.get();
    }
    missing(command + " not found on PATH (" + howToGet + ")");
    throw new AssertionError("unreachable");
  }

  public static Optional<Path> findCommand(String command) {
    if (command.startsWith("/")) {
      Path p = Path.of(command);
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
    for (String dir : path.split(":")) {
      Path p = Path.of(dir, command);
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    for (String dir : new String[] {"/usr/sbin", "/sbin", "/usr/bin"}) {
      Path p = Path.of(dir, command);
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Fails under CI, skips loudly elsewhere. */
  public static void missing(String what) {
    String msg = "MISSING INFRASTRUCTURE: " + what + " — run scripts/test.sh, which installs it";
    if (isCi()) {
      fail(msg);
    }
    System.err.println("*** SKIPPED *** " + msg);
    Assumptions.abort(msg);
  }
}
