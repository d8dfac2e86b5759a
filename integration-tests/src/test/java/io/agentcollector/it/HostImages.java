package io.agentcollector.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.testkit.Infra;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Dockerfile's two base images, made from this machine's own files since no registry is
 * reachable: busybox-static for {@code /bin/sh}, the shared libraries that the JDK and the agent's
 * native code (JNA, grpc-netty's epoll) link against as {@code ldd} resolves them here, and for the
 * build stage the running JDK with its jmods.
 */
final class HostImages {

  static final String BASE = "local/agent-collector-it-base:test";
  static final String JDK = "local/agent-collector-it-jdk:test";

  /** The JDK libraries a jlink'd runtime with the agent's modules loads; others pull in X11. */
  private static final List<String> JDK_LIBS =
      List.of(
          "bin/java",
          "lib/server/libjvm.so",
          "lib/libjava.so",
          "lib/libjli.so",
          "lib/libjimage.so",
          "lib/libzip.so",
          "lib/libnio.so",
          "lib/libnet.so",
          "lib/libverify.so",
          "lib/libmanagement.so",
          "lib/libmanagement_ext.so",
          "lib/libj2gss.so");

  private static final Pattern LDD_PATH = Pattern.compile("(?:=>\\s+|^\\s*)(/\\S+)\\s+\\(0x");

  private HostImages() {}

  /** The JDK running the tests, if it can jlink (Debian: openjdk-17-jdk-headless ships jmods). */
  static Path jdk() {
    Path home = Path.of(System.getProperty("java.home"));
    if (!Files.isRegularFile(home.resolve("jmods/java.base.jmod"))
        || !Files.isExecutable(home.resolve("bin/jlink"))) {
      Infra.missing("a JDK with jlink and jmods at " + home + " (openjdk-17-jdk-headless)");
    }
    return home;
  }

  /**
   * Imports {@link #BASE} and {@link #JDK} into the private dockerd.
   *
   * @param install the unpacked tarball, whose native libraries must find their dependencies
   * @param work a scratch directory
   */
  static void importBoth(DockerCli docker, Path install, Path work) throws Exception {
    Path jdk = jdk();
    Path busybox = Path.of("/bin/busybox");
    if (!Files.isExecutable(busybox)) {
      Infra.missing("/bin/busybox (busybox-static)");
    }
    Path rootfs = Files.createDirectories(work.resolve("rootfs"));
    for (String dir : List.of("bin", "tmp", "proc", "sys", "dev", "etc")) {
      Files.createDirectories(rootfs.resolve(dir));
    }
    exec(List.of("chmod", "1777", rootfs.resolve("tmp").toString()));
    Files.copy(busybox, rootfs.resolve("bin/busybox"));
    for (String applet : exec(List.of(busybox.toString(), "--list")).split("\n")) {
      Path link = rootfs.resolve("bin").resolve(applet.strip());
      if (!applet.isBlank() && !Files.exists(link)) {
        Files.createSymbolicLink(link, Path.of("busybox"));
      }
    }

    List<Path> natives =
        new ArrayList<>(JDK_LIBS.stream().map(jdk::resolve).filter(Files::exists).toList());
    natives.addAll(extractNatives(install, Files.createDirectories(work.resolve("natives"))));
    Set<String> libs = new TreeSet<>();
    for (Path lib : natives) {
      libs.addAll(sharedLibraries(lib, jdk));
    }
    assertThat(libs).as("libraries ldd found").anyMatch(l -> l.contains("libc.so"));

    // -h: store what symlinks point to (the JDK's conf/ links into /etc, libraries to versioned
    // names).
    importTar(
        docker,
        List.of("tar", "-c", "-h", "-f", "-", "-C", rootfs.toString(), ".", "-C", "/"),
        List.copyOf(libs),
        BASE,
        List.of());

    List<String> jdkFiles = new ArrayList<>(libs);
    for (String f : List.of("bin/java", "bin/jlink", "bin/jar", "release")) {
      jdkFiles.add(relative(jdk.resolve(f)));
    }
    for (String dir : List.of("lib", "jmods", "conf")) {
      try (Stream<Path> s = Files.walk(jdk.resolve(dir))) {
        s.filter(p -> !Files.isDirectory(p) && Files.exists(p)) // dangling links (src.zip) left out
            .filter(p -> !p.getFileName().toString().equals("ct.sym")) // javac's, 8 MB
            .forEach(p -> jdkFiles.add(relative(p)));
      }
    }
    importTar(
        docker,
        List.of("tar", "-c", "-h", "-f", "-", "-C", rootfs.toString(), ".", "-C", "/"),
        jdkFiles,
        JDK,
        List.of("--change", "ENV JAVA_HOME=" + jdk));
  }

  /** JNA's and grpc-netty's native libraries for every platform the jars carry. */
  private static List<Path> extractNatives(Path install, Path dir) throws IOException {
    List<Path> jars = new ArrayList<>();
    try (Stream<Path> s = Files.walk(install)) {
      s.filter(p -> p.getFileName().toString().matches("(jna|grpc-netty-shaded)-.*\\.jar"))
          .forEach(jars::add);
    }
    assertThat(jars).as("jna and grpc-netty-shaded jars in %s", install).hasSize(2);
    List<Path> out = new ArrayList<>();
    for (Path jar : jars) {
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        for (ZipEntry e : zip.stream().toList()) {
          if (e.getName()
              .matches(
                  "com/sun/jna/linux-[^/]+/libjnidispatch\\.so|META-INF/native/lib.*_transport_native_epoll_.*\\.so")) {
            Path target = dir.resolve(out.size() + "-" + Path.of(e.getName()).getFileName());
            try (InputStream in = zip.getInputStream(e)) {
              Files.copy(in, target);
            }
            out.add(target);
          }
        }
      }
    }
    return out;
  }

  /** What ldd resolves for one file (none for another architecture's), minus the JDK's own. */
  private static List<String> sharedLibraries(Path file, Path jdk) throws Exception {
    Process p = new ProcessBuilder("ldd", file.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    List<String> libs = new ArrayList<>();
    for (String line : out.split("\n")) {
      Matcher m = LDD_PATH.matcher(line);
      if (m.find() && !m.group(1).startsWith(jdk.toString())) {
        libs.add(m.group(1).substring(1));
      }
    }
    return libs;
  }

  private static String relative(Path absolute) {
    return absolute.toString().substring(1);
  }

  /** tar (files relative to /, listed in a file) | docker import. */
  private static void importTar(
      DockerCli docker, List<String> tar, List<String> files, String tag, List<String> changes)
      throws Exception {
    Path list = Files.createTempFile("image-files", ".txt");
    Files.write(list, files);
    List<String> tarCmd = new ArrayList<>(tar);
    tarCmd.addAll(List.of("-T", list.toString()));
    List<String> importCmd =
        new ArrayList<>(List.of("/usr/bin/docker", "-H", docker.host, "import"));
    importCmd.addAll(changes);
    importCmd.addAll(List.of("-", tag));
    List<Process> pipeline =
        ProcessBuilder.startPipeline(
            List.of(
                new ProcessBuilder(tarCmd).redirectError(ProcessBuilder.Redirect.INHERIT),
                new ProcessBuilder(importCmd).redirectErrorStream(true)));
    String out =
        new String(pipeline.get(1).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int tarExit = pipeline.get(0).waitFor();
    int importExit = pipeline.get(1).waitFor();
    Files.delete(list);
    if (tarExit != 0 || importExit != 0) {
      throw new AssertionError(
          "making "
              + tag
              + ": tar exited "
              + tarExit
              + ", docker import "
              + importExit
              + ": "
              + out);
    }
  }

  private static String exec(List<String> cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new AssertionError(String.join(" ", cmd) + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
