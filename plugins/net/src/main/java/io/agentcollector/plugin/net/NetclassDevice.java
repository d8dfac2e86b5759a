package io.agentcollector.plugin.net;

import io.agentcollector.kernel.KernelFile;
import io.agentcollector.kernel.sys.SysfsAttributes;
import io.prometheus.metrics.model.snapshots.Labels;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link NetclassCollector} keeps of a network device across cycles: its attribute files, read
 * through descriptors kept open ({@link KernelFile}), and its label sets.
 */
final class NetclassDevice {

  /** The files of node_network_info's labels other than operstate, in label order. */
  private static final String[] INFO = {"address", "broadcast", "duplex", "ifalias"};

  private final String name;
  private final Object key;
  private final boolean ignored;
  private final Labels labels;
  private final KernelFile operstate;
  private final KernelFile[] info = new KernelFile[INFO.length];
  private final KernelFile[] properties;

  /** node_network_info's values (address, broadcast, duplex, ifalias, operstate) and labels. */
  private final String[] infoValues = new String[INFO.length + 1];

  private Labels infoLabels;

  /**
   * @param key what identifies the device's directory (its inode)
   * @param properties the numeric attributes' file names
   */
  NetclassDevice(Path dir, String name, Object key, boolean ignored, List<String> properties) {
    this.name = name;
    this.key = key;
    this.ignored = ignored;
    labels = Labels.of("device", name);
    operstate = SysfsAttributes.file(dir.resolve("operstate"));
    for (int i = 0; i < INFO.length; i++) {
      info[i] = SysfsAttributes.file(dir.resolve(INFO[i]));
    }
    this.properties = new KernelFile[properties.size()];
    for (int i = 0; i < this.properties.length; i++) {
      this.properties[i] = SysfsAttributes.file(dir.resolve(properties.get(i)));
    }
  }

  Object key() {
    return key;
  }

  /** Whether netclass-ignored-devices leaves it out. */
  boolean ignored() {
    return ignored;
  }

  /** {@code {device}}. */
  Labels labels() {
    return labels;
  }

  KernelFile operstate() {
    return operstate;
  }

  /** The numeric attribute {@code i} of the list the device was made with. */
  KernelFile property(int i) {
    return properties[i];
  }

  /** node_network_info's labels, made again only when a value changed. */
  Labels info(String operstateValue) {
    boolean same = infoLabels != null && operstateValue.equals(infoValues[INFO.length]);
    infoValues[INFO.length] = operstateValue;
    for (int i = 0; i < INFO.length; i++) {
      String v = SysfsAttributes.read(info[i]).orElse("");
      same &= v.equals(infoValues[i]);
      infoValues[i] = v;
    }
    if (!same) {
      infoLabels =
          Labels.of(
              "device", name,
              "address", infoValues[0],
              "broadcast", infoValues[1],
              "duplex", infoValues[2],
              "operstate", operstateValue,
              "ifalias", infoValues[3]);
    }
    return infoLabels;
  }

  /** Closes the kept descriptors. */
  void close() {
    operstate.close();
    for (KernelFile f : info) {
      f.close();
    }
    for (KernelFile f : properties) {
      f.close();
    }
  }
}
