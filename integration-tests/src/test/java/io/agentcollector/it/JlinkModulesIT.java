package io.agentcollector.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.testkit.Distribution;
import io.agentcollector.testkit.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Dockerfile's JLINK_MODULES against what jdeps finds in the tarball: a plugin that starts
 * using a new JDK module fails here, not in a cluster. Every listed module is accounted for by
 * jdeps (or what those modules require) or by the run-time additions the Dockerfile explains.
 */
class JlinkModulesIT {

  /** Referenced but never used at run time (see the Dockerfile). */
  static final Set<String> LEFT_OUT = Set.of("java.desktop", "java.compiler");

  /** Loaded by name at run time, invisible to jdeps (see the Dockerfile). */
  static final Set<String> ADDED = Set.of("jdk.crypto.ec", "jdk.zipfs");

  private static final Pattern DEP = Pattern.compile("-> ((?:java|jdk)\\.[a-z.]+)");

  @TempDir Path tmp;

  @Test
  void theJlinkModulesAreWhatJdepsFindsPlusTheRunTimeOnes() throws Exception {
    Set<String> listed = listedModules();
    Set<String> found = jdkModulesUsedBy(Distribution.unpack(tmp));
    assertThat(found).as("jdeps found the JDK at all").contains("java.base", "java.net.http");

    Set<String> missing = new TreeSet<>(found);
    missing.removeAll(listed);
    missing.removeAll(LEFT_OUT);
    assertThat(missing).as("modules jdeps finds that JLINK_MODULES lacks").isEmpty();

    Set<String> accounted =
        requiresClosure(found.stream().filter(m -> !LEFT_OUT.contains(m)).toList());
    accounted.addAll(requiresClosure(List.copyOf(ADDED)));
    Set<String> unexplained = new TreeSet<>(listed);
    unexplained.removeAll(accounted);
    assertThat(unexplained)
        .as("JLINK_MODULES entries neither jdeps nor the run-time list explains")
        .isEmpty();
  }

  /** The default of {@code ARG JLINK_MODULES} in the Dockerfile. */
  static Set<String> listedModules() throws Exception {
    Path dockerfile = Fixtures.projectRoot().resolve("deployments/docker/Dockerfile");
    Matcher m =
        Pattern.compile("(?m)^ARG JLINK_MODULES=(\\S+)$").matcher(Files.readString(dockerfile));
    assertThat(m.find()).as("ARG JLINK_MODULES=... in %s", dockerfile).isTrue();
    return new TreeSet<>(List.of(m.group(1).split(",")));
  }

  /**
   * jdeps' summary over lib/ and each plugin with its own libraries, in process. monitor-api is a
   * named module requiring typesafe.config, hence lib/ on the module path.
   */
  private static Set<String> jdkModulesUsedBy(Path install) throws Exception {
    ToolProvider jdeps =
        ToolProvider.findFirst("jdeps")
            .orElseThrow(() -> new AssertionError("no jdeps in this JDK"));
    List<List<String>> groups = new ArrayList<>();
    groups.add(jars(install.resolve("lib")));
    groups.add(jars(install.resolve("plugins")));
    try (Stream<Path> s = Files.list(install.resolve("plugins"))) {
      for (Path dir : s.filter(Files::isDirectory).sorted().toList()) {
        List<String> targets = new ArrayList<>(List.of(dir.resolve("classes").toString()));
        targets.addAll(jars(dir.resolve("lib")));
        groups.add(targets);
      }
    }
    Set<String> modules = new TreeSet<>();
    for (List<String> targets : groups) {
      if (targets.isEmpty()) {
        continue;
      }
      List<String> args =
          new ArrayList<>(
              List.of(
                  "--multi-release",
                  "17",
                  "-summary",
                  "--module-path",
                  install.resolve("lib").toString()));
      args.addAll(targets);
      StringWriter out = new StringWriter();
      int rc = jdeps.run(new PrintWriter(out), new PrintWriter(out), args.toArray(String[]::new));
      assertThat(rc).as("jdeps %s:\n%s", args, out).isZero();
      Matcher m = DEP.matcher(out.toString());
      while (m.find()) {
        modules.add(m.group(1));
      }
    }
    return modules;
  }

  private static List<String> jars(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".jar")).map(Path::toString).sorted().toList();
    }
  }

  /** The modules and everything they require, as jlink resolves them. */
  private static Set<String> requiresClosure(List<String> roots) {
    ModuleFinder system = ModuleFinder.ofSystem();
    Set<String> seen = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (seen.add(name)) {
        ModuleDescriptor d =
            system
                .find(name)
                .orElseThrow(() -> new AssertionError("no JDK module " + name))
                .descriptor();
        d.requires().forEach(r -> todo.push(r.name()));
      }
    }
    return seen;
  }
}
