package io.agentcollector.runtime.plugins;

import java.util.List;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * PF4J's plugin class loader, but the packages plugins share with the runtime always come from the
 * runtime. PF4J is plugin-first, so a plugin that bundles its own client_java would otherwise get
 * its own {@code MetricSnapshots} class and fail with a LinkageError (PF4J sends only {@code
 * java.*} and {@code org.pf4j.*} to the parent first).
 */
final class ParentFirstClassLoader extends PluginClassLoader {

  /** The SPI and the libraries whose types cross the plugin boundary. */
  static final List<String> SHARED_PACKAGES =
      List.of(
          "io.agentcollector.api.",
          "io.agentcollector.kernel.",
          "io.prometheus.metrics.",
          "com.typesafe.config.",
          "org.slf4j.",
          // JNA's native library can be loaded by one class loader only.
          "com.sun.jna.");

  ParentFirstClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader parent) {
    super(manager, descriptor, parent, ClassLoadingStrategy.PDA);
  }

  @Override
  protected boolean shouldDelegateToParent(String className) {
    for (String p : SHARED_PACKAGES) {
      if (className.startsWith(p)) {
        return true;
      }
    }
    return super.shouldDelegateToParent(className);
  }
}
