package io.agentcollector.plugin.textfile;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.api.MetricFamilies;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.pf4j.Extension;

/**
 * node_exporter's textfile collector: the families of every {@code *.prom} file in {@code
 * directory}, merged, plus {@code node_textfile_mtime_seconds{file}} for the files read and {@code
 * node_textfile_scrape_error}. A file is left out whole, and sets the error, when it does not
 * parse, has a sample with a timestamp, is larger than {@code max-file-size}, would take the
 * collector over its series budget ({@code max-series}), or redefines a family of an earlier file
 * or of another collector of the agent. One WARN per file and change of its problem. Golden file:
 * src/test/golden/textfile.prom.
 */
@Extension
@CollectorInfo(name = "textfile", nodeExporter = true)
public final class TextfileCollector implements Collector {

  /** Family names this collector never takes from a file (its own). */
  static final Set<String> OWN =
      Set.of("node_textfile_mtime_seconds", "node_textfile_scrape_error");

  private final CollectorContext context;
  private final String directory;
  private final long maxFileSize;
  private final FileProblems problems;

  public TextfileCollector(CollectorContext ctx) {
    context = ctx;
    directory = ctx.config().getString("directory");
    maxFileSize = ctx.config().getBytes("max-file-size");
    if (maxFileSize < 1) {
      throw new InvalidConfigException(
          ctx.config().key("max-file-size"), maxFileSize, "a size of 1 byte or more");
    }
    problems = new FileProblems(ctx.logger());
  }

  @Override
  public MetricSnapshots collect() {
    MergedFamilies merged = new MergedFamilies();
    Map<String, Long> mtimes = new TreeMap<>();
    boolean error = false;
    if (!directory.isEmpty()) {
      Optional<List<Path>> listed = list(context.hostPaths().rootfs(directory));
      error = listed.isEmpty();
      List<Path> files = listed.orElse(List.of());
      // Room for the files' series: the budget less scrape_error and one mtime per file.
      long room = context.maxSeries() - 1 - files.size();
      for (Path file : files) {
        long used = readInto(merged, mtimes, file, room);
        if (used < 0) {
          error = true;
        } else {
          room -= used;
        }
      }
    }
    problems.endCycle();
    List<MetricSnapshot> out = new ArrayList<>(TextFamilies.snapshots(merged.all()));
    MetricFamilies own = new MetricFamilies();
    var mtime =
        own.gauge("node_textfile_mtime_seconds", "Unixtime mtime of textfiles successfully read.");
    mtimes.forEach((file, seconds) -> mtime.add(seconds, "file", file));
    own.gauge(
            "node_textfile_scrape_error",
            "1 if there was an error opening or reading a file, 0 otherwise")
        .add(error ? 1 : 0);
    own.build().forEach(out::add);
    return new MetricSnapshots(out);
  }

  /** The directory's *.prom files, sorted; empty when it cannot be listed (scrape_error 1). */
  private Optional<List<Path>> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> files =
          s.filter(p -> p.getFileName().toString().endsWith(".prom") && Files.isRegularFile(p))
              .sorted()
              .toList();
      problems.read(directory);
      return Optional.of(files);
    } catch (java.nio.file.NoSuchFileException e) {
      // Not present on this host (the default directory on a machine without node_exporter's
      // package): scrape_error 1 as node_exporter says, but no WARN at every start.
      context.logger().debug("textfile directory {} does not exist", dir);
      return Optional.empty();
    } catch (IOException e) {
      problems.skipped(directory, "directory " + dir + ": " + e);
      return Optional.empty();
    }
  }

  /**
   * Adds one file's families to {@code merged}, whole or not at all.
   *
   * @return the samples it added, or -1 when the file was skipped
   */
  private long readInto(MergedFamilies merged, Map<String, Long> mtimes, Path file, long room) {
    String shown = Path.of(directory).resolve(file.getFileName()).toString();
    try {
      Map<String, TextFormat.Family> parsed = read(file, shown, room);
      Optional<String> conflict = conflict(parsed, shown).or(() -> merged.conflict(parsed, shown));
      if (conflict.isPresent()) {
        throw new IllegalArgumentException(conflict.get());
      }
      merged.add(parsed, shown);
      // Whole seconds, as node_exporter reports them.
      mtimes.put(shown, Files.getLastModifiedTime(file).toMillis() / 1000);
      problems.read(shown);
      return parsed.values().stream().mapToLong(f -> f.samples.size()).sum();
    } catch (TextFormat.TooManySamples e) {
      context.seriesBudgetExceeded();
      problems.skipped(
          shown,
          e.getMessage()
              + ": no room left in the collector's series budget (max-series "
              + context.maxSeries()
              + ")");
    } catch (IOException | IllegalArgumentException e) {
      boolean plain = e instanceof CappedInput.TooLarge || e instanceof IllegalArgumentException;
      problems.skipped(shown, plain ? e.getMessage() : shown + ": " + e);
    }
    return -1;
  }

  /** Reads no more than max-file-size bytes and {@code room} samples of the file. */
  private Map<String, TextFormat.Family> read(Path file, String shown, long room)
      throws IOException {
    if (Files.size(file) > maxFileSize) {
      throw CappedInput.tooLarge(shown, maxFileSize);
    }
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new CappedInput(Files.newInputStream(file), maxFileSize, shown),
                StandardCharsets.UTF_8))) {
      return TextFormat.parse(shown, in, Math.max(0, room));
    }
  }

  /** A sample timestamp, or a name another collector of the agent exposes. */
  private Optional<String> conflict(Map<String, TextFormat.Family> parsed, String shown) {
    for (TextFormat.Family f : parsed.values()) {
      if (f.samples.stream().anyMatch(TextFormat.Sample::hasTimestamp)) {
        return Optional.of(shown + ": samples with timestamps are not supported (" + f.name + ")");
      }
      for (String n : TextFamilies.exposedNames(f.name, f.type)) {
        Optional<String> owner = context.otherOwner(n);
        if (owner.isPresent()) {
          return Optional.of(
              shown + ": family " + f.name + " redefines " + n + ", exposed by " + owner.get());
        }
      }
    }
    return Optional.empty();
  }
}
