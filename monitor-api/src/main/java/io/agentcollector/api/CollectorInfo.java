package io.agentcollector.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A collector's registration, declared once on its class. The runtime reads it from the class
 * before it creates the collector, so it can list and plan collectors (and validate the config's
 * {@code collectors} section) without starting them; {@link Collector#name()}, {@link
 * Collector#enabledByDefault()} and {@link Collector#mirrorsNodeExporter()} return it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CollectorInfo {

  /**
   * The {@code collector} label of the self-metrics and the key under {@code
   * plugins.<id>.collectors}. For a collector that mirrors node_exporter's, node_exporter's name
   * ({@code cpu}, {@code meminfo}, …).
   */
  String name();

  /** Whether it runs when the config does not mention it (node_exporter's default). */
  boolean enabledByDefault() default true;

  /**
   * Whether it mirrors node_exporter's collector of the same {@link #name()}: then it is also
   * reported in {@code node_scrape_collector_success} and {@code
   * node_scrape_collector_duration_seconds}.
   */
  boolean nodeExporter() default false;
}
