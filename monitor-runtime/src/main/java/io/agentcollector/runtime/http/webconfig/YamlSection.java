package io.agentcollector.runtime.http.webconfig;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One mapping of the web config YAML, read strictly like exporter-toolkit's {@code
 * yaml.UnmarshalStrict}: every key read is remembered and {@link #finish} rejects the rest.
 */
final class YamlSection {

  private final String path;
  private final Map<?, ?> values;
  private final Set<String> read = new HashSet<>();

  private YamlSection(String path, Map<?, ?> values) {
    this.path = path;
    this.values = values;
  }

  static YamlSection root(Object document) throws WebConfigException {
    if (document == null) {
      return new YamlSection("", Map.of());
    }
    if (!(document instanceof Map<?, ?> m)) {
      throw new WebConfigException("expected a mapping of keys at the top level");
    }
    return new YamlSection("", m);
  }

  String key(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private Object raw(String name) {
    read.add(name);
    return values.get(name);
  }

  /** A nested mapping; absent or null reads as empty. */
  YamlSection section(String name) throws WebConfigException {
    Object v = raw(name);
    if (v == null) {
      return new YamlSection(key(name), Map.of());
    }
    if (!(v instanceof Map<?, ?> m)) {
      throw new WebConfigException(key(name) + ": expected a mapping, got " + describe(v));
    }
    return new YamlSection(key(name), m);
  }

  String string(String name) throws WebConfigException {
    Object v = raw(name);
    if (v == null) {
      return "";
    }
    if (v instanceof Map || v instanceof List) {
      throw new WebConfigException(key(name) + ": expected a string, got " + describe(v));
    }
    return String.valueOf(v);
  }

  boolean bool(String name, boolean dflt) throws WebConfigException {
    Object v = raw(name);
    if (v == null) {
      return dflt;
    }
    if (!(v instanceof Boolean b)) {
      throw new WebConfigException(key(name) + ": expected true or false, got " + describe(v));
    }
    return b;
  }

  List<String> strings(String name) throws WebConfigException {
    Object v = raw(name);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> l)) {
      throw new WebConfigException(key(name) + ": expected a list of strings, got " + describe(v));
    }
    List<String> out = new ArrayList<>();
    for (Object o : l) {
      if (o == null || o instanceof Map || o instanceof List) {
        throw new WebConfigException(
            key(name) + ": expected a list of strings, got " + describe(o));
      }
      out.add(String.valueOf(o));
    }
    return out;
  }

  /** A mapping of string to string, in file order. */
  Map<String, String> stringMap(String name) throws WebConfigException {
    YamlSection s = section(name);
    Map<String, String> out = new LinkedHashMap<>();
    for (Object k : s.values.keySet()) {
      String ks = String.valueOf(k);
      out.put(ks, s.string(ks));
    }
    return out;
  }

  /** Rejects keys nobody asked for (typos, keys of a newer exporter-toolkit). */
  void finish() throws WebConfigException {
    for (Object k : values.keySet()) {
      if (!read.contains(String.valueOf(k))) {
        throw new WebConfigException(key(String.valueOf(k)) + ": unknown key");
      }
    }
  }

  private static String describe(Object v) {
    if (v == null) {
      return "nothing";
    }
    if (v instanceof Map) {
      return "a mapping";
    }
    if (v instanceof List) {
      return "a list";
    }
    return "\"" + v + "\"";
  }
}
