package io.agentcollector.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.agentcollector.runtime.Snapshot;
import io.agentcollector.runtime.cli.ConfigMutations.Mutation;
import io.agentcollector.runtime.config.ConfigError;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutations of the shipped configs/monitor.conf through what check-config runs ({@link Setup#load}
 * and {@link Snapshot#validate}): each either validates or fails with a {@link ConfigError} of one
 * line naming a key, a file or a variable; no other exception escapes.
 */
class ConfigMutationTest {

  static final long SEED = 20261201L;
  static final int RANDOM_EDITS = 200;

  /** What a ConfigError must name: "key = value: expected", a file with line, or a variable. */
  static final Pattern NAMES_SOMETHING =
      Pattern.compile(
          "^(.+ = .*: expected .+|(config|included) file .+|.*\\.conf: \\d+: .+"
              + "|environment variable .+|configuration nested too deeply.*)$");

  @TempDir Path home;

  /** Literal addresses only: a mutated listen host must not become a DNS query. */
  static InetAddress resolve(String host) throws UnknownHostException {
    if (List.of("localhost", "127.0.0.1", "0.0.0.0", "::1").contains(host)) {
      return InetAddress.getByName(host);
    }
    throw new UnknownHostException(host);
  }

  @Test
  void everyMutationValidatesOrFailsWithOneLineNamingTheKey() throws Exception {
    Files.createDirectories(home.resolve("plugins"));
    String shipped = Files.readString(Path.of("..", "configs", "monitor.conf"));
    List<Mutation> mutations = ConfigMutations.all(shipped, SEED, RANDOM_EDITS);
    assertThat(mutations).hasSizeGreaterThanOrEqualTo(200);
    Map<String, Integer> outcomes = new TreeMap<>();
    Path file = home.resolve("monitor.conf");
    for (Mutation m : mutations) {
      Files.write(file, m.content());
      String outcome;
      try {
        Setup setup = Setup.load(home, Map.of(), file, ConfigMutationTest::resolve);
        try (var catalog = setup.catalog()) {
          Snapshot.validate(setup.config(), catalog, Clock.systemUTC());
        }
        outcome = "valid";
      } catch (ConfigError e) {
        assertThat(e.getMessage()).as(m.name()).doesNotContain("\n").matches(NAMES_SOMETHING);
        outcome = "error: " + kind(e.getMessage());
      } catch (Throwable t) {
        fail(m.name() + ": " + t + " escaped", t);
        return;
      }
      outcomes.merge(outcome, 1, Integer::sum);
    }
    System.out.println("config mutations: " + mutations.size() + " " + outcomes);
    assertThat(outcomes.getOrDefault("valid", 0)).as("some mutations are harmless").isPositive();
  }

  private static String kind(String message) {
    int expected = message.indexOf(": expected ");
    if (expected > 0) {
      String rest = message.substring(expected + 11);
      return "expected "
          + rest.split("[ (:]", 3)[0]
          + " "
          + (rest.split("[ (:]", 3).length > 1 ? rest.split("[ (:]", 3)[1] : "");
    }
    if (message.contains("UTF-8")) {
      return "invalid UTF-8";
    }
    if (message.contains("nested")) {
      return "nesting";
    }
    return "syntax/substitution";
  }
}
