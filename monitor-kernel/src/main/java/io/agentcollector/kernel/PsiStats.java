package io.agentcollector.kernel;

import java.util.OptionalDouble;

/**
 * A pressure stall information file, the same format in {@code /proc/pressure/{cpu,io,memory}} and
 * in a cgroup v2 directory's {@code cpu.pressure}, {@code io.pressure} and {@code memory.pressure}
 * (https://docs.kernel.org/accounting/psi.html): lines {@code some avg10=.. avg60=.. avg300=..
 * total=<µs>} and {@code full ...}. Only the totals are kept: the averages are the kernel's own
 * smoothing, which rate() replaces. Unknown lines and keys are ignored; a {@code some} or {@code
 * full} line without a numeric {@code total} is refused.
 *
 * @param someSeconds time at least one task stalled, in seconds
 * @param fullSeconds time all non-idle tasks stalled at once, in seconds; absent when the file has
 *     no {@code full} line (cpu before kernel 5.13)
 */
public record PsiStats(OptionalDouble someSeconds, OptionalDouble fullSeconds) {

  /**
   * The kernel counts in microseconds. One division, so the result is the double nearest the true
   * value, as cAdvisor converts; node_exporter divides by 1000 twice, which for some totals lands
   * one unit in the last place off (1277342 µs: 1.2773420000000002).
   */
  private static final double USEC_PER_SECOND = 1e6;

  private static final String TOTAL = "total=";

  /**
   * {@code file} names the file in messages, e.g. {@code /proc/pressure/io}, {@code io.pressure}.
   */
  public static PsiStats parse(String file, String content) {
    OptionalDouble some = OptionalDouble.empty();
    OptionalDouble full = OptionalDouble.empty();
    int n = 0;
    int pos = 0;
    int len = content.length();
    while (pos < len) {
      int end = content.indexOf('\n', pos);
      end = end < 0 ? len : end;
      n++;
      int a = Fields.skipSpace(content, pos, end);
      int b = Fields.skipField(content, a, end);
      boolean isSome = content.startsWith("some", a) && b - a == 4;
      if (isSome || content.startsWith("full", a) && b - a == 4) {
        OptionalDouble total =
            OptionalDouble.of(total(file, n, content, a, b, end) / USEC_PER_SECOND);
        if (isSome) {
          some = total;
        } else {
          full = total;
        }
      }
      pos = end + 1;
    }
    return new PsiStats(some, full);
  }

  /** The value of {@code total=} among the fields after the line's first, {@code [a, b)}. */
  private static long total(String file, int line, String content, int a, int b, int end) {
    int i = Fields.skipSpace(content, b, end);
    while (i < end) {
      int e = Fields.skipField(content, i, end);
      if (content.startsWith(TOTAL, i) && e - i > TOTAL.length()) {
        return Fields.number(file, line, content, i + TOTAL.length(), e);
      }
      i = Fields.skipSpace(content, e, end);
    }
    throw new IllegalArgumentException(
        file + " line " + line + ": no total=<number> in \"" + content.substring(a, end) + "\"");
  }
}
