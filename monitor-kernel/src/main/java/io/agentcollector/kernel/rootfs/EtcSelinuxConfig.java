package io.agentcollector.kernel.rootfs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /etc/selinux/config}: the SELinux mode and policy the system boots with, {@code KEY=value}
 * lines such as {@code SELINUX=enforcing} and {@code SELINUXTYPE=targeted} (selinux_config(5)).
 * Read as libselinux and go-selinux read it: lines trimmed, blank lines and those starting with
 * {@code #} or {@code ;} skipped, the key is everything before the first {@code =}, quotes around
 * the value are dropped, the first line of a key counts, lines without {@code =} are ignored.
 *
 * @param values value per key
 */
public record EtcSelinuxConfig(Map<String, String> values) {

  /** The {@code SELINUX} key: {@code enforcing}, {@code permissive} or {@code disabled}. */
  public static final String SELINUX = "SELINUX";

  /** Parses the file's text. */
  public static EtcSelinuxConfig parse(String content) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String raw : content.split("\n")) {
      String line = raw.strip();
      int eq = line.indexOf('=');
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";") || eq < 0) {
        continue;
      }
      out.putIfAbsent(line.substring(0, eq), unquote(line.substring(eq + 1)));
    }
    return new EtcSelinuxConfig(Collections.unmodifiableMap(out));
  }

  /** The value of {@code key}, "" when the file does not set it. */
  public String value(String key) {
    return values.getOrDefault(key, "");
  }

  private static String unquote(String v) {
    int from = 0;
    int to = v.length();
    while (from < to && v.charAt(from) == '"') {
      from++;
    }
    while (to > from && v.charAt(to - 1) == '"') {
      to--;
    }
    return v.substring(from, to);
  }
}
