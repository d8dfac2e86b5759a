package io.agentcollector.plugin.system;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.KernelFile;
import io.agentcollector.kernel.sys.SysClocksource;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.pf4j.Extension;

/**
 * node_exporter's time collector: {@code node_time_seconds}, {@code
 * node_time_zone_offset_seconds{time_zone}} and {@code
 * node_time_clocksource_{available,current}_info{clocksource,device}}. The instant comes from the
 * context clock; the zone is the JVM's default (TZ, else /etc/localtime), as Go's local zone, since
 * the runtime's clock is UTC. Golden file: {@code src/test/golden/time.prom}.
 */
@Extension
@CollectorInfo(name = "time", nodeExporter = true)
public final class TimeCollector implements Collector {

  private static final DateTimeFormatter ZONE_ABBREVIATION =
      DateTimeFormatter.ofPattern("zzz", Locale.ROOT);

  private static final String PREFIX = "clocksource";

  /** {@code clocksource[0-9]*}, the glob node_exporter reads, without a glob's regex per cycle. */
  private static final DirectoryStream.Filter<Path> CLOCKSOURCE =
      p -> {
        String n = p.getFileName().toString();
        return n.length() > PREFIX.length()
            && n.startsWith(PREFIX)
            && Character.isDigit(n.charAt(PREFIX.length()));
      };

  private final Supplier<ZoneId> zone;
  private final Path clocksourceRoot;
  private final Clock clock;

  /** The zone whose labels {@link #zoneLabels} holds, standard time [0] and daylight time [1]. */
  private ZoneId labelledZone;

  private final Labels[] zoneLabels = new Labels[2];

  /** What each clocksource directory, by position, held last cycle, and its series' labels. */
  private final List<Clocksource> clocksources = new ArrayList<>();

  /** Per clocksource directory, its available_clocksource and current_clocksource, kept open. */
  private final Map<String, KernelFile[]> files = new HashMap<>();

  private record Clocksource(
      String dir, String available, String current, List<Labels> availables, Labels currentOne) {}

  public TimeCollector(CollectorContext context) {
    this(context, ZoneId::systemDefault);
  }

  /** For tests: a given time zone. */
  TimeCollector(CollectorContext context, Supplier<ZoneId> zone) {
    this.zone = zone;
    clocksourceRoot = context.hostPaths().sys("devices", "system", "clocksource");
    clock = context.clock();
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    MetricFamilies f = new MetricFamilies();
    Instant now = clock.instant();
    ZoneId z = zone.get();
    f.gauge("node_time_seconds", "System time in seconds since the Unix epoch.")
        .add(now.getEpochSecond() + now.getNano() / 1e9);
    ZoneRules rules = z.getRules();
    f.gauge("node_time_zone_offset_seconds", "Offset of the system time zone from UTC.")
        .add(rules.getOffset(now).getTotalSeconds(), zoneLabels(z, rules, now));
    List<String> dirs = clocksourceDirs();
    for (int i = 0; i < dirs.size(); i++) {
      KernelFile[] files = files(dirs.get(i));
      Optional<String> available = files[0].readIfPresent();
      Optional<String> current = files[1].readIfPresent();
      if (available.isEmpty() || current.isEmpty()) {
        continue;
      }
      Clocksource cs = clocksource(i, dirs.get(i), available.get(), current.get());
      for (Labels l : cs.availables()) {
        f.info("node_time_clocksource_available_info", "Clock sources the kernel offers.")
            .add(1, l);
      }
      f.info("node_time_clocksource_current_info", "Clock source the kernel uses.")
          .add(1, cs.currentOne());
    }
    return f.build();
  }

  /** The {@code time_zone} label at {@code now}: it changes only with daylight saving time. */
  private Labels zoneLabels(ZoneId z, ZoneRules rules, Instant now) {
    if (!z.equals(labelledZone)) {
      labelledZone = z;
      Arrays.fill(zoneLabels, null);
    }
    int dst = rules.isDaylightSavings(now) ? 1 : 0;
    if (zoneLabels[dst] == null) {
      zoneLabels[dst] = Labels.of("time_zone", abbreviation(z, now));
    }
    return zoneLabels[dst];
  }

  /** Directory {@code i}'s clocksources, parsed again only when its files changed. */
  private Clocksource clocksource(int i, String dir, String available, String current) {
    while (clocksources.size() <= i) {
      clocksources.add(null);
    }
    Clocksource known = clocksources.get(i);
    if (known != null
        && known.dir().equals(dir)
        && known.available().equals(available)
        && known.current().equals(current)) {
      return known;
    }
    SysClocksource cs = SysClocksource.parse(available, current);
    // node_exporter's "device" is the position in the sorted directory list, not N.
    String device = Integer.toString(i);
    List<Labels> availables = new ArrayList<>();
    for (String name : cs.available()) {
      availables.add(Labels.of("device", device, "clocksource", name));
    }
    Clocksource c =
        new Clocksource(
            dir,
            available,
            current,
            List.copyOf(availables),
            Labels.of("device", device, "clocksource", cs.current()));
    clocksources.set(i, c);
    return c;
  }

  /**
   * The zone's abbreviation at {@code now} ({@code UTC}, {@code CET}, {@code CEST}), as Go's {@code
   * Time.Zone()} names it. Java takes short names from CLDR, Go from tzdata; they agree except for
   * zones tzdata abbreviates numerically (e.g. {@code -03}).
   */
  static String abbreviation(ZoneId zone, Instant now) {
    if (zone instanceof ZoneOffset offset) {
      return offset.getTotalSeconds() == 0 ? "UTC" : offset.getId();
    }
    return ZONE_ABBREVIATION.format(now.atZone(zone));
  }

  private KernelFile[] files(String dir) {
    KernelFile[] f = files.get(dir);
    if (f == null) {
      Path d = clocksourceRoot.resolve(dir);
      f =
          new KernelFile[] {
            new KernelFile(d.resolve("available_clocksource")),
            new KernelFile(d.resolve("current_clocksource"))
          };
      files.put(dir, f);
    }
    return f;
  }

  @Override
  public void stop() {
    for (KernelFile[] f : files.values()) {
      f[0].close();
      f[1].close();
    }
    files.clear();
  }

  /** The names of the clocksource directories, in byte order like Go's filepath.Glob. */
  private List<String> clocksourceDirs() throws IOException {
    List<String> names = new ArrayList<>(2);
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(clocksourceRoot, CLOCKSOURCE)) {
      for (Path p : ds) {
        names.add(p.getFileName().toString());
      }
    } catch (NoSuchFileException e) {
      return List.of();
    }
    names.sort(null);
    return names;
  }
}
