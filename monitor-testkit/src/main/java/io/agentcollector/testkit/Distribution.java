package io.agentcollector.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Unpacks the built tarball ({@code distribution/target/agent-collector-*.tar.gz}). */
public final class Distribution {

  private Distribution() {}

  public static Path tarball() {
    Path target = Fixtures.projectRoot().resolve("distribution/target");
    try (Stream<Path> s = Files.list(target)) {
      return s.filter(p -> p.getFileName().toString().matches("agent-collector-.*\\.tar\\.gz"))
          .findFirst()
          .orElseThrow(
              () -> new AssertionError("no tarball in " + target + ": run mvn package first"));
    } catch (IOException e) {
      throw new UncheckedIOException("no " + target + ": run mvn package first", e);
    }
  }

  /** Unpacks into {@code dir} and returns the install directory (the one holding bin/). */
  public static Path unpack(Path dir) {
    try {
      Process p =
          new ProcessBuilder("tar", "-xzf", tarball().toString(), "-C", dir.toString())
              .inheritIO()
              .start();
      if (p.waitFor() != 0) {
        throw new AssertionError("tar failed");
      }
      try (Stream<Path> s = Files.list(dir)) {
        return s.filter(Files::isDirectory).findFirst().orElseThrow();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
