package io.agentcollector.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a PF4J plugin jar from Java sources at test time, compiled against the test's own class
 * path (which holds monitor-api): for plugins that misbehave on purpose.
 */
public final class PluginJarBuilder {

  private final String id;
  private String requires = "0.1.0";
  private final Map<String, String> sources = new LinkedHashMap<>();
  private final Map<String, String> resources = new LinkedHashMap<>();
  private final List<String> extensions = new ArrayList<>();
  private boolean serviceLoader;

  private PluginJarBuilder(String id) {
    this.id = id;
  }

  public static PluginJarBuilder plugin(String id) {
    return new PluginJarBuilder(id);
  }

  /** {@code Plugin-Requires}: the API version the plugin needs. */
  public PluginJarBuilder requires(String version) {
    this.requires = version;
    return this;
  }

  /** A collector class; listed as an extension (PF4J index, or META-INF/services). */
  public PluginJarBuilder collector(String className, String source) {
    sources.put(className, source);
    extensions.add(className);
    return this;
  }

  public PluginJarBuilder resource(String name, String content) {
    resources.put(name, content);
    return this;
  }

  /** Declare the collectors in META-INF/services instead of PF4J's extensions.idx. */
  public PluginJarBuilder viaServiceLoader() {
    this.serviceLoader = true;
    return this;
  }

  /** Compiles the sources and writes {@code dir/<id>.jar}. */
  public Path buildJar(Path dir) {
    try {
      Path classes = compile(Files.createTempDirectory("plugin-" + id));
      Path jar = dir.resolve(id + ".jar");
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest())) {
        try (Stream<Path> files = Files.walk(classes)) {
          for (Path f : files.filter(Files::isRegularFile).toList()) {
            put(out, classes.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
          }
        }
        for (Map.Entry<String, String> r : resources.entrySet()) {
          put(out, r.getKey(), r.getValue().getBytes(StandardCharsets.UTF_8));
        }
        String list = String.join("\n", extensions) + "\n";
        put(
            out,
            serviceLoader
                ? "META-INF/services/io.agentcollector.api.Collector"
                : "META-INF/extensions.idx",
            list.getBytes(StandardCharsets.UTF_8));
      }
      deleteTree(classes);
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes PF4J's directory layout {@code dir/<id>/}: {@code plugin.properties}, {@code classes/}
   * and {@code lib/} holding {@code libJars} (e.g. its own copy of client_java).
   */
  public Path buildDirectory(Path dir, List<Path> libJars) {
    try {
      Path root = Files.createDirectories(dir.resolve(id));
      Path classes = compile(Files.createDirectories(root.resolve("classes")));
      for (Map.Entry<String, String> r : resources.entrySet()) {
        Path p = classes.resolve(r.getKey());
        Files.createDirectories(p.getParent());
        Files.writeString(p, r.getValue());
      }
      Path index =
          classes.resolve(
              serviceLoader
                  ? "META-INF/services/io.agentcollector.api.Collector"
                  : "META-INF/extensions.idx");
      Files.createDirectories(index.getParent());
      Files.writeString(index, String.join("\n", extensions) + "\n");
      Path lib = Files.createDirectories(root.resolve("lib"));
      for (Path j : libJars) {
        Files.copy(j, lib.resolve(j.getFileName()));
      }
      Files.writeString(
          root.resolve("plugin.properties"),
          "plugin.id="
              + id
              + "\nplugin.version=1.0.0\nplugin.requires="
              + requires
              + "\nplugin.provider=test\n");
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a file named like a plugin that is not a valid archive. */
  public static Path corruptJar(Path dir, String name) {
    try {
      Path p = dir.resolve(name);
      Files.write(p, new byte[] {'P', 'K', 3, 4, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path compile(Path out) throws IOException {
    Path src = Files.createTempDirectory("plugin-src-" + id);
    List<String> args =
        new ArrayList<>(
            List.of(
                "-d",
                out.toString(),
                "-classpath",
                System.getProperty("java.class.path"),
                "-proc:none",
                "--release",
                "17"));
    for (Map.Entry<String, String> s : sources.entrySet()) {
      Path f = src.resolve(s.getKey().replace('.', '/') + ".java");
      Files.createDirectories(f.getParent());
      Files.writeString(f, s.getValue());
      args.add(f.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(null, null, null, args.toArray(String[]::new));
    deleteTree(src);
    if (rc != 0) {
      throw new IllegalStateException("compiling plugin " + id + " failed (see stderr)");
    }
    return out;
  }

  private Manifest manifest() {
    Manifest m = new Manifest();
    Attributes a = m.getMainAttributes();
    a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    a.putValue("Plugin-Id", id);
    a.putValue("Plugin-Version", "1.0.0");
    a.putValue("Plugin-Requires", requires);
    a.putValue("Plugin-Provider", "test");
    return m;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private final java.util.Set<String> dirs = new java.util.HashSet<>();

  private void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
    // Directory entries as the jar tool writes them: PF4J finds META-INF/services through one.
    for (int i = name.indexOf('/'); i > 0; i = name.indexOf('/', i + 1)) {
      String dir = name.substring(0, i + 1);
      if (dirs.add(dir)) {
        out.putNextEntry(new JarEntry(dir));
        out.closeEntry();
      }
    }
    out.putNextEntry(new JarEntry(name));
    out.write(bytes);
    out.closeEntry();
  }
}
