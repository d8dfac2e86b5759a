package io.agentcollector.plugin.system;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.kernel.sys.SysClocksource;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

  private final Supplier<ZoneId> zone;
  private final HostPaths paths;
  private final Clock clock;

  public TimeCollector(CollectorContext context) {
    this(context, ZoneId::systemDefault);
  }

  /** For tests: a given time zone. */
  TimeCollector(CollectorContext context, Supplier<ZoneId> zone) {
    this.zone = zone;
    paths = context.hostPaths();
    clock = context.clock();
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    MetricFamilies f = new MetricFamilies();
    Instant now = clock.instant();
    ZoneId z = zone.get();
    f.gauge("node_time_seconds", "System time in seconds since the Unix epoch.")
        .add(now.getEpochSecond() + now.getNano() / 1e9);
    f.gauge("node_time_zone_offset_seconds", "Offset of the system time zone from UTC.")
        .add(z.getRules().getOffset(now).getTotalSeconds(), "time_zone", abbreviation(z, now));
    List<Path> dirs = clocksourceDirs();
    for (int i = 0; i < dirs.size(); i++) {
      Path dir = dirs.get(i);
      Optional<String> available = KernelFiles.readIfPresent(dir.resolve("available_clocksource"));
      Optional<String> current = KernelFiles.readIfPresent(dir.resolve("current_clocksource"));
      if (available.isEmpty() || current.isEmpty()) {
        continue;
      }
      SysClocksource cs = SysClocksource.parse(available.get(), current.get());
      // node_exporter's "device" is the position in the sorted directory list, not N.
      String device = Integer.toString(i);
      for (String name : cs.available()) {
        f.info("node_time_clocksource_available_info", "Clock sources the kernel offers.")
            .addInfo("device", device, "clocksource", name);
      }
      f.info("node_time_clocksource_current_info", "Clock source the kernel uses.")
          .addInfo("device", device, "clocksource", cs.current());
    }
    return f.build();
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

  private List<Path> clocksourceDirs() throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> ds =
        Files.newDirectoryStream(
            paths.sys("devices", "system", "clocksource"), "clocksource[0-9]*")) {
      ds.forEach(p -> names.add(p.getFileName().toString()));
    } catch (NoSuchFileException e) {
      return List.of();
    }
    names.sort(null); // byte order, like Go's filepath.Glob
    List<Path> out = new ArrayList<>();
    names.forEach(n -> out.add(paths.sys("devices", "system", "clocksource", n)));
    return out;
  }
}
