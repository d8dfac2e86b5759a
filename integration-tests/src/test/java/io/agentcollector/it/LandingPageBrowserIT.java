package io.agentcollector.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.testkit.AgentProcess;
import io.agentcollector.testkit.Distribution;
import io.agentcollector.testkit.Infra;
import io.agentcollector.testkit.Ports;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The landing page of the tarball agent as a real browser renders it: headless Chromium dumps the
 * DOM (every plugin listed, sorted) and takes a screenshot, kept as {@code
 * integration-tests/target/landing-page.png} for a person to look at.
 */
class LandingPageBrowserIT {

  /**
   * Every plugin the distribution ships, those without a collector of their own included, and the
   * built-in one.
   */
  static final List<String> PLUGINS =
      List.of(
          "cgroup-v1",
          "cgroup-v2",
          "containerd",
          "containers",
          "cpu",
          "disk",
          "docker",
          "example",
          "k8s-labels",
          "mem",
          "net",
          "system",
          "textfile");

  @TempDir Path tmp;

  @Test
  void chromiumShowsEveryPluginAndCollector() throws Exception {
    Path chromium = Infra.requireCommand("chromium", "Debian package chromium");
    Path home = Distribution.unpack(tmp);
    // A plugin file that is not a jar: listed under "Plugins not loaded" by its name only.
    Files.write(home.resolve("plugins/corrupt.jar"), new byte[] {'P', 'K', 0, (byte) 0xff, 'x'});
    int port = Ports.free();
    try (AgentProcess agent =
        AgentProcess.start(home, port, Map.of("CONFIG_FORCE_plugins_example_enabled", "true"))) {
      agent.awaitReady(Duration.ofSeconds(30));
      String url = "http://127.0.0.1:" + port + "/";

      String dom = chromium(chromium, "--dump-dom", url);
      assertThat(cells(dom, "plugins", 0)).containsExactlyElementsOf(PLUGINS);
      assertThat(cells(dom, "plugins", 2))
          .as("roles, in plugin order")
          .containsSubsequence(
              "cgroup reader",
              "cgroup reader",
              "container runtime",
              "container metrics (built-in)",
              "collectors");
      List<String> collectors = cells(dom, "collectors", 0);
      List<String> names = cells(dom, "collectors", 1);
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < collectors.size(); i++) {
        keys.add(collectors.get(i) + "/" + names.get(i));
      }
      assertThat(keys).isSorted().contains("example/example", "cpu/cpu", "system/uname");
      assertThat(cells(dom, "collectors", 2))
          .as("versions, the containers row's too")
          .allMatch(v -> v.startsWith("0.1.0"));
      assertThat(cells(dom, "collectors", 4)).as("intervals").containsOnly("5s");
      assertThat(dom).contains("http://127.0.0.1:" + port + "/").doesNotContain(home.toString());
      assertThat(cells(dom, "not-loaded", 0)).containsExactly("corrupt.jar");

      Path shot = Path.of(System.getProperty("basedir", "."), "target", "landing-page.png");
      Files.createDirectories(shot.getParent());
      Files.deleteIfExists(shot);
      chromium(chromium, "--screenshot=" + shot, "--window-size=1280,2000", url);
      BufferedImage image = ImageIO.read(shot.toFile());
      assertThat(image.getWidth()).isEqualTo(1280);
      assertThat(image.getHeight()).isEqualTo(2000);
      assertThat(distinctColours(image)).as("a rendered page, not a blank one").isGreaterThan(20);
      agent.stop();
    }
  }

  @Test
  void detailedModeShowsTheConfigFileAndPluginFiles() throws Exception {
    Path chromium = Infra.requireCommand("chromium", "Debian package chromium");
    Path home = Distribution.unpack(tmp);
    int port = Ports.free();
    try (AgentProcess agent =
        AgentProcess.start(home, port, Map.of("CONFIG_FORCE_web_landing__page", "detailed"))) {
      agent.awaitReady(Duration.ofSeconds(30));
      String dom = chromium(chromium, "--dump-dom", "http://127.0.0.1:" + port + "/");
      assertThat(dom)
          .contains("<th>Config file</th><td>" + home.resolve("configs/monitor.conf") + "</td>");
      assertThat(cells(dom, "plugins", 5))
          .contains("built in")
          .anyMatch(f -> f.startsWith(home.resolve("plugins") + "/"));
      agent.stop();
    }
  }

  /** Runs headless Chromium on a fresh profile with nothing that talks to the network by itself. */
  private String chromium(Path chromium, String... args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(tmp, "chromium-profile");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile));
    cmd.addAll(List.of(args));
    Path out = tmp.resolve("chromium.out");
    Path err = tmp.resolve("chromium.err");
    Process p =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError("chromium did not finish in 120 s: " + Files.readString(err));
    }
    assertThat(p.exitValue()).as("chromium exit: %s", Files.readString(err)).isZero();
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  /** Column {@code col} of the body rows of the table with id {@code id}. */
  static List<String> cells(String dom, String id, int col) {
    int start = dom.indexOf("id=\"" + id + "\"");
    assertThat(start).as("table #%s in the DOM", id).isPositive();
    String table = dom.substring(start, dom.indexOf("</table>", start));
    List<String> out = new ArrayList<>();
    for (String row : table.split("<tr>")) {
      Matcher m = Pattern.compile("<td[^>]*>(.*?)</td>").matcher(row);
      for (int i = 0; m.find(); i++) {
        if (i == col) {
          out.add(m.group(1));
          break;
        }
      }
    }
    return out;
  }

  private static int distinctColours(BufferedImage image) {
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 7) {
      for (int x = 0; x < image.getWidth(); x += 7) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }
}
