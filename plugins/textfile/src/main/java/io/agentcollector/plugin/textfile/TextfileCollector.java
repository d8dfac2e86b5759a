package io.agentcollector.plugin.textfile;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter's textfile collector: the families of every {@code *.prom} file in {@code
 * directory}, merged, plus {@code node_textfile_mtime_seconds{file}} for the files read and {@code
 * node_textfile_scrape_error}. A file that does not parse, or has a sample with a timestamp, is
 * left out whole and sets the error. Golden file: src/test/golden/textfile.prom.
 */
@Extension
public final class TextfileCollector implements Collector {

  private HostPaths paths;
  private String directory;
  private Logger log;

  @Override
  public String name() {
    return "textfile";
  }

  @Override
  public boolean mirrorsNodeExporter() {
    return true;
  }

  @Override
  public void start(CollectorContext context) {
    paths = context.hostPaths();
    directory = context.config().getString("directory");
    log = context.logger();
  }

  @Override
  public MetricSnapshots collect() {
    boolean error = false;
    Map<String, TextFamilies.Merged> merged = new LinkedHashMap<>();
    Map<String, Long> mtimes = new TreeMap<>();
    if (!directory.isEmpty()) {
      Path dir = paths.rootfs(directory);
      List<Path> files;
      try (Stream<Path> s = Files.list(dir)) {
        files = s.filter(p -> p.getFileName().toString().endsWith(".prom") && Files.isRegularFile(p)).sorted().toList();
      } catch (IOException e) {
        log.debug("textfile directory {}: {}", dir, e.toString());
        files = List.of();
        error = true;
      }
      for (Path file : files) {
        String shown = Path.of(directory).resolve(file.getFileName()).toString();
        try {
          Map<String, TextFormat.Family> parsed = TextFormat.parse(shown, Files.readString(file));
          for (TextFormat.Family f : parsed.values()) {
            if (f.samples.stream().anyMatch(TextFormat.Sample::hasTimestamp)) {
              throw new IllegalArgumentException(shown + ": samples with timestamps are not supported (" + f.name + ")");
            }
          }
          TextFamilies.merge(merged, parsed, shown);
          // Whole seconds, as node_exporter reports them.
          mtimes.put(shown, Files.getLastModifiedTime(file).toMillis() / 1000);
        } catch (IOException | IllegalArgumentException e) {
          log.debug("textfile {} skipped: {}", file, e.getMessage());
          error = true;
        }
      }
    }
    List<MetricSnapshot> out = new ArrayList<>(TextFamilies.snapshots(merged.values()));
    MetricFamilies own = new MetricFamilies();
    var mtime = own.gauge("node_textfile_mtime_seconds", "Unixtime mtime of textfiles successfully read.");
    mtimes.forEach((file, seconds) -> mtime.add(seconds, "file", file));
    own.gauge("node_textfile_scrape_error", "1 if there was an error opening or reading a file, 0 otherwise")
        .add(error ? 1 : 0);
    own.build().forEach(out::add);
    return new MetricSnapshots(out);
  }

  /** Family names this collector never takes from a file (its own). */
  static final Set<String> OWN = Set.of("node_textfile_mtime_seconds", "node_textfile_scrape_error");
}
