package io.agentcollector.plugin.textfile;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The families of the directory's files, merged as node_exporter merges them: a family may be in
 * several files if its type and HELP agree and no series repeats. A file that redefines a family of
 * an earlier file (other type, other HELP, a name another family shows) is refused whole.
 */
final class MergedFamilies {

  private final Map<String, TextFamilies.Merged> families = new LinkedHashMap<>();

  /** Exposed name to the family showing it. */
  private final Map<String, String> names = new HashMap<>();

  /** Why {@code file} cannot join, if it cannot; checks everything before adding anything. */
  Optional<String> conflict(Map<String, TextFormat.Family> file, String path) {
    for (TextFormat.Family f : file.values()) {
      if (TextfileCollector.OWN.contains(f.name)) {
        return Optional.of(path + ": " + f.name + " is the collector's own metric");
      }
      TextFamilies.Merged m = families.get(f.name);
      if (m != null && !m.type.equals(f.type)) {
        return Optional.of(
            path + ": " + f.name + " is " + f.type + " here but " + m.type + " in " + m.files);
      }
      if (m != null && m.help != null && f.help != null && !m.help.equals(f.help)) {
        return Optional.of(path + ": " + f.name + " has another HELP than in " + m.files);
      }
      for (String n : TextFamilies.exposedNames(f.name, f.type)) {
        String owner = names.get(n);
        if (owner != null && !owner.equals(f.name)) {
          return Optional.of(
              path
                  + ": family "
                  + f.name
                  + " shows "
                  + n
                  + ", a name of "
                  + owner
                  + " in "
                  + families.get(owner).files);
        }
      }
      Set<String> seen = new HashSet<>();
      for (TextFormat.Sample s : f.samples) {
        String key = s.name() + s.labels();
        if (!seen.add(key) || m != null && m.seen.contains(key)) {
          return Optional.of(
              path
                  + ": "
                  + key
                  + (m != null && m.seen.contains(key) ? " is also in " + m.files : " twice"));
        }
      }
    }
    return Optional.empty();
  }

  /** Adds a file {@link #conflict} found nothing against. */
  void add(Map<String, TextFormat.Family> file, String path) {
    for (TextFormat.Family f : file.values()) {
      if (f.samples.isEmpty()) {
        continue;
      }
      TextFamilies.Merged m =
          families.computeIfAbsent(f.name, n -> new TextFamilies.Merged(n, f.type));
      TextFamilies.exposedNames(f.name, f.type).forEach(n -> names.put(n, f.name));
      if (m.help == null) {
        m.help = f.help;
      }
      m.files.add(path);
      for (TextFormat.Sample s : f.samples) {
        m.seen.add(s.name() + s.labels());
        m.samples.add(s);
      }
    }
  }

  List<TextFamilies.Merged> all() {
    return List.copyOf(families.values());
  }
}
