package io.agentcollector.runtime.schedule;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which collector exposes which name (see {@link ExposedNames}). Judged per family on every cycle:
 * a family with a name another collector holds is withheld from the later collector's result, the
 * rest of that result is served, and a collector's names are released when its next good result no
 * longer has them, so a clash heals by itself when it goes away.
 *
 * <p>Collectors whose names come from outside (textfile) yield: they ask {@link #otherOwner} first,
 * and a collector that does not yield takes a name over from one that does, which then stops
 * serving it at once ({@link #served}). So a {@code .prom} file with {@code node_load1} never keeps
 * loadavg's own family from it, whichever ran first. Names reserved for the agent's own metrics are
 * never taken.
 */
public final class FamilyOwners {

  /** Exposed name to the collector id (or agent part) exposing it; read without locking. */
  private final ConcurrentHashMap<String, String> owners = new ConcurrentHashMap<>();

  private final Map<String, Set<String>> held = new HashMap<>();
  private final Set<String> yielding = ConcurrentHashMap.newKeySet();

  /** What a claim kept, and why it withheld the rest (empty when it withheld nothing). */
  public record Claim(MetricSnapshots kept, List<String> clashes) {}

  /** Reserves one exposed name for the agent itself (self-metrics, JVM metrics) for good. */
  public synchronized void reserve(String name, String owner) {
    owners.putIfAbsent(name, owner);
  }

  /** Reserves every name of these families for the agent itself. */
  public void reserve(MetricSnapshots families, String owner) {
    families.forEach(f -> ExposedNames.of(f).forEach(n -> reserve(n, owner)));
  }

  /**
   * Who other than {@code asker} exposes {@code name}, if anyone; marks {@code asker} as a
   * collector that yields its names to those that do not.
   */
  public Optional<String> otherOwner(String asker, String name) {
    yielding.add(asker);
    String o = owners.get(name);
    return o == null || o.equals(asker) ? Optional.empty() : Optional.of(o);
  }

  /** Claims the names of {@code result} for {@code owner} (a collector id), family by family. */
  public synchronized Claim claim(String owner, MetricSnapshots result) {
    Set<String> now = new HashSet<>();
    List<MetricSnapshot> kept = new ArrayList<>();
    List<String> clashes = new ArrayList<>();
    for (MetricSnapshot family : result) {
      List<String> names = ExposedNames.of(family);
      Optional<String> clash = clash(owner, names, now);
      if (clash.isPresent()) {
        clashes.add(
            "metric family "
                + family.getMetadata().getPrometheusName()
                + " withheld: "
                + clash.get());
      } else {
        now.addAll(names);
        kept.add(family);
      }
    }
    for (String name : held.getOrDefault(owner, Set.of())) {
      if (!now.contains(name)) {
        owners.remove(name, owner);
      }
    }
    for (String name : now) {
      String previous = owners.put(name, owner);
      if (previous != null && !previous.equals(owner) && held.containsKey(previous)) {
        held.get(previous).remove(name);
      }
    }
    held.put(owner, now);
    return new Claim(clashes.isEmpty() ? result : new MetricSnapshots(kept), List.copyOf(clashes));
  }

  private Optional<String> clash(String owner, List<String> names, Set<String> ownSoFar) {
    for (String name : names) {
      if (ownSoFar.contains(name)) {
        return Optional.of(name + " is also exposed by another family of the same collector");
      }
      String o = owners.get(name);
      boolean takeOver =
          o != null && yielding.contains(o) && !yielding.contains(owner) && held.containsKey(o);
      if (o != null && !o.equals(owner) && !takeOver) {
        return Optional.of(name + " is already exposed by " + o);
      }
    }
    return Optional.empty();
  }

  /**
   * The families of {@code owner}'s stored result it may still serve: all of them, unless it yields
   * and a collector took some of its names over since.
   */
  public MetricSnapshots served(String owner, MetricSnapshots stored) {
    if (!yielding.contains(owner)) {
      return stored;
    }
    List<MetricSnapshot> out = new ArrayList<>();
    for (MetricSnapshot family : stored) {
      if (ExposedNames.of(family).stream().allMatch(n -> owner.equals(owners.get(n)))) {
        out.add(family);
      }
    }
    return out.size() == stored.size() ? stored : new MetricSnapshots(out);
  }
}
