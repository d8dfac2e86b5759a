package io.agentcollector.runtime.cli;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Mutated copies of a config file: every key and section of it set to a value of each wrong type,
 * then random byte-level edits (deletion, duplication, swap, insertion of random bytes, of bracket
 * nesting, of invalid UTF-8, truncation), reproducible from the seed.
 */
final class ConfigMutations {

  record Mutation(String name, byte[] content) {}

  static final List<String> WRONG_VALUES =
      List.of(
          "1.5",
          "-1",
          "0",
          "\"x\"",
          "[1, 2]",
          "{ a = 1 }",
          "true",
          "null",
          "1ns",
          "9999999999d",
          "${nope}",
          "\"\\u0000\"");

  private ConfigMutations() {}

  static List<Mutation> all(String text, long seed, int randomCount) {
    List<Mutation> out = new ArrayList<>(wrongTypes(text));
    Random random = new Random(seed);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < randomCount; i++) {
      out.add(randomEdit(bytes, random, i));
    }
    return out;
  }

  /** Each key and each section of the file, overridden at the end with each wrong value. */
  private static List<Mutation> wrongTypes(String text) {
    TreeSet<String> keys = new TreeSet<>();
    collect(ConfigFactory.parseString(text).root(), "", keys);
    List<Mutation> out = new ArrayList<>();
    for (String key : keys) {
      for (String value : WRONG_VALUES) {
        String name = key + " = " + value;
        out.add(new Mutation(name, (text + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8)));
      }
    }
    return out;
  }

  private static void collect(
      Map<String, ConfigValue> object, String prefix, TreeSet<String> keys) {
    for (Map.Entry<String, ConfigValue> e : object.entrySet()) {
      String key = prefix + e.getKey();
      keys.add(key);
      if (e.getValue().valueType() == ConfigValueType.OBJECT) {
        collect((com.typesafe.config.ConfigObject) e.getValue(), key + ".", keys);
      }
    }
  }

  private static Mutation randomEdit(byte[] in, Random random, int i) {
    int at = random.nextInt(in.length);
    return switch (i % 8) {
      case 0 -> new Mutation("delete byte " + at, splice(in, at, 1, new byte[0]));
      case 1 -> new Mutation("duplicate byte " + at, splice(in, at, 0, new byte[] {in[at]}));
      case 2 -> {
        int b = Math.min(in.length - 1, at + 1);
        byte[] out = in.clone();
        out[at] = in[b];
        out[b] = in[at];
        yield new Mutation("swap bytes " + at, out);
      }
      case 3 -> {
        byte[] junk = new byte[1 + random.nextInt(8)];
        random.nextBytes(junk);
        yield new Mutation("insert random bytes at " + at, splice(in, at, 0, junk));
      }
      case 4 -> new Mutation("truncate at " + at, java.util.Arrays.copyOf(in, at));
      case 5 -> {
        int depth = 1 + random.nextInt(6000);
        String open =
            "\nx = "
                + "{ a = ".repeat(depth)
                + "1"
                + " }".repeat(random.nextBoolean() ? depth : 0)
                + "\n";
        yield new Mutation(
            "nesting " + depth + " at " + at,
            splice(in, lineStart(in, at), 0, open.getBytes(StandardCharsets.UTF_8)));
      }
      case 6 ->
          new Mutation(
              "invalid UTF-8 at " + at,
              splice(in, at, 0, new byte[] {(byte) (0x80 + random.nextInt(0x80))}));
      default -> {
        // A printable character from HOCON's syntax, where it breaks the most.
        String syntax = "{}[]=:\"$#,.\n\\+ 0a";
        byte c = (byte) syntax.charAt(random.nextInt(syntax.length()));
        yield new Mutation("insert '" + (char) c + "' at " + at, splice(in, at, 0, new byte[] {c}));
      }
    };
  }

  private static int lineStart(byte[] in, int at) {
    int i = at;
    while (i > 0 && in[i - 1] != '\n') {
      i--;
    }
    return i;
  }

  private static byte[] splice(byte[] in, int at, int remove, byte[] insert) {
    byte[] out = new byte[in.length - remove + insert.length];
    System.arraycopy(in, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(in, at + remove, out, at + insert.length, in.length - at - remove);
    return out;
  }
}
