package io.agentcollector.plugin.system;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.rootfs.OsRelease;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * node_exporter's os collector: {@code
 * node_os_info{build_id,id,id_like,image_id,image_version,name,
 * pretty_name,variant,variant_id,version,version_codename,version_id}} and {@code
 * node_os_version{id,id_like,name}} (major.minor of VERSION_ID, left out when there is none), from
 * the rootfs's {@code /etc/os-release}, else {@code /usr/lib/os-release}. Golden file: {@code
 * src/test/golden/os.prom}.
 */
@Extension
@CollectorInfo(name = "os", nodeExporter = true)
public final class OsCollector implements Collector {

  private static final Pattern MAJOR_MINOR = Pattern.compile("^[0-9]+\\.?[0-9]*");

  private final HostPaths paths;
  private final Logger log;

  /** The os-release last mapped ({@link OsRelease#read} keeps it while the file is unchanged). */
  private OsRelease mapped;

  private Labels info;

  /** VERSION_ID's major.minor, 0 when it has none. */
  private double version;

  private Labels versionLabels;

  public OsCollector(CollectorContext context) {
    paths = context.hostPaths();
    log = context.logger();
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    MetricFamilies f = new MetricFamilies();
    Optional<OsRelease> os = OsRelease.read(paths.rootfs());
    if (os.isEmpty()) {
      log.debug("no os-release file under {}", paths.rootfs("/"));
      return f.build();
    }
    if (os.get() != mapped) {
      map(os.get());
    }
    f.info("node_os_info", "Operating system identity from os-release.").add(1, info);
    if (version > 0) {
      f.gauge("node_os_version", "major.minor of the operating system's VERSION_ID.")
          .add(version, versionLabels);
    }
    return f.build();
  }

  private void map(OsRelease os) {
    info =
        Labels.of(
            "build_id",
            os.get("BUILD_ID"),
            "id",
            os.get("ID"),
            "id_like",
            os.get("ID_LIKE"),
            "image_id",
            os.get("IMAGE_ID"),
            "image_version",
            os.get("IMAGE_VERSION"),
            "name",
            os.get("NAME"),
            "pretty_name",
            os.get("PRETTY_NAME"),
            "variant",
            os.get("VARIANT"),
            "variant_id",
            os.get("VARIANT_ID"),
            "version",
            os.get("VERSION"),
            "version_codename",
            os.get("VERSION_CODENAME"),
            "version_id",
            os.get("VERSION_ID"));
    Matcher m = MAJOR_MINOR.matcher(os.get("VERSION_ID"));
    version = m.find() ? Double.parseDouble(m.group()) : 0;
    versionLabels =
        Labels.of("id", os.get("ID"), "id_like", os.get("ID_LIKE"), "name", os.get("NAME"));
    mapped = os;
  }
}
