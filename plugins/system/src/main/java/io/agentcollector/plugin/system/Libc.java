package io.agentcollector.plugin.system;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * The few libc calls Java lacks, through JNA (supplied by the runtime). Every method degrades to
 * "absent" when JNA or libc cannot be loaded, so a collector that needs them reports nothing
 * instead of failing the plugin.
 */
final class Libc {

  /** errno EPERM: adjtimex(2) is refused, e.g. by a container's seccomp profile. */
  static final int EPERM = 1;

  private static final int UTSNAME_FIELD = 65; // _UTSNAME_LENGTH on Linux
  private static final Optional<C> LIBC = load();

  private Libc() {}

  /** Whether libc could be loaded through JNA. */
  static boolean available() {
    return LIBC.isPresent();
  }

  /** getpagesize(3), as Go's os.Getpagesize(); empty without JNA. */
  static OptionalInt pageSize() {
    return LIBC.map(c -> OptionalInt.of(c.getpagesize())).orElse(OptionalInt.empty());
  }

  /** The {@code machine} field of uname(2) (e.g. {@code x86_64}); empty without JNA. */
  static Optional<String> unameMachine() {
    if (LIBC.isEmpty()) {
      return Optional.empty();
    }
    byte[] buf = new byte[6 * UTSNAME_FIELD];
    try {
      LIBC.get().uname(buf);
    } catch (LastErrorException e) {
      return Optional.empty();
    }
    int start = 4 * UTSNAME_FIELD; // sysname nodename release version machine domainname
    int end = start;
    while (end < start + UTSNAME_FIELD && buf[end] != 0) {
      end++;
    }
    return Optional.of(new String(buf, start, end - start, StandardCharsets.UTF_8));
  }

  /**
   * adjtimex(2) in read-only mode (modes = 0), into a buffer of its own that it keeps: the fields
   * are read at offsets JNA computes once from {@link TimexStruct}, where a Structure per call
   * costs a native allocation and reflection over its 22 fields both ways (50 µs a call compiled,
   * over 0.5 ms interpreted). One per collector: not for concurrent use.
   */
  static final class Adjtimex implements Supplier<KernelTimex> {

    private Memory buffer;

    /**
     * @throws LastErrorException with the errno when the kernel refuses
     * @throws IllegalStateException without JNA
     */
    @Override
    public KernelTimex get() {
      C c = LIBC.orElseThrow(() -> new IllegalStateException("libc is not available through JNA"));
      if (buffer == null) {
        buffer = new Memory(TimexStruct.Offsets.SIZE);
      }
      Memory t = buffer;
      t.clear();
      int state = c.adjtimex(t);
      return new KernelTimex(
          state,
          t.getLong(TimexStruct.Offsets.OFFSET),
          t.getLong(TimexStruct.Offsets.FREQ),
          t.getLong(TimexStruct.Offsets.MAXERROR),
          t.getLong(TimexStruct.Offsets.ESTERROR),
          t.getInt(TimexStruct.Offsets.STATUS),
          t.getLong(TimexStruct.Offsets.CONSTANT),
          t.getLong(TimexStruct.Offsets.TICK),
          t.getLong(TimexStruct.Offsets.PPSFREQ),
          t.getLong(TimexStruct.Offsets.JITTER),
          t.getInt(TimexStruct.Offsets.SHIFT),
          t.getLong(TimexStruct.Offsets.STABIL),
          t.getLong(TimexStruct.Offsets.JITCNT),
          t.getLong(TimexStruct.Offsets.CALCNT),
          t.getLong(TimexStruct.Offsets.ERRCNT),
          t.getLong(TimexStruct.Offsets.STBCNT),
          t.getInt(TimexStruct.Offsets.TAI));
    }
  }

  private static Optional<C> load() {
    try {
      return Optional.of(Native.load("c", C.class));
    } catch (LinkageError | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The libc functions used. */
  interface C extends Library {
    int adjtimex(Pointer buf) throws LastErrorException;

    int uname(byte[] buf) throws LastErrorException;

    int getpagesize();
  }

  /**
   * {@code struct timex} of {@code <sys/timex.h>} on 64-bit Linux (x86_64, aarch64: C {@code long}
   * is 64 bits), 208 bytes. Zeroed, so {@code modes = 0} makes the call read-only.
   */
  @Structure.FieldOrder({
    "modes",
    "offset",
    "freq",
    "maxerror",
    "esterror",
    "status",
    "constant",
    "precision",
    "tolerance",
    "timeSec",
    "timeUsec",
    "tick",
    "ppsfreq",
    "jitter",
    "shift",
    "stabil",
    "jitcnt",
    "calcnt",
    "errcnt",
    "stbcnt",
    "tai",
    "reserved"
  })
  public static final class TimexStruct extends Structure {
    public int modes;
    public long offset;
    public long freq;
    public long maxerror;
    public long esterror;
    public int status;
    public long constant;
    public long precision;
    public long tolerance;
    public long timeSec;
    public long timeUsec;
    public long tick;
    public long ppsfreq;
    public long jitter;
    public int shift;
    public long stabil;
    public long jitcnt;
    public long calcnt;
    public long errcnt;
    public long stbcnt;
    public int tai;
    public int[] reserved = new int[11];

    /** The fields' offsets in the struct, as JNA lays it out; computed once. */
    static final class Offsets {
      private static final TimexStruct LAYOUT = new TimexStruct();
      static final int SIZE = LAYOUT.size();
      static final int OFFSET = LAYOUT.fieldOffset("offset");
      static final int FREQ = LAYOUT.fieldOffset("freq");
      static final int MAXERROR = LAYOUT.fieldOffset("maxerror");
      static final int ESTERROR = LAYOUT.fieldOffset("esterror");
      static final int STATUS = LAYOUT.fieldOffset("status");
      static final int CONSTANT = LAYOUT.fieldOffset("constant");
      static final int TICK = LAYOUT.fieldOffset("tick");
      static final int PPSFREQ = LAYOUT.fieldOffset("ppsfreq");
      static final int JITTER = LAYOUT.fieldOffset("jitter");
      static final int SHIFT = LAYOUT.fieldOffset("shift");
      static final int STABIL = LAYOUT.fieldOffset("stabil");
      static final int JITCNT = LAYOUT.fieldOffset("jitcnt");
      static final int CALCNT = LAYOUT.fieldOffset("calcnt");
      static final int ERRCNT = LAYOUT.fieldOffset("errcnt");
      static final int STBCNT = LAYOUT.fieldOffset("stbcnt");
      static final int TAI = LAYOUT.fieldOffset("tai");

      private Offsets() {}
    }
  }
}
