package io.agentcollector.plugin.disk;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import java.io.IOException;

/**
 * statvfs(3) from libc through JNA: Java's FileStore has no inode counts and cannot be abandoned
 * when a mount hangs. glibc fills statvfs from statfs(2) with f_bsize copied as is, so sizes equal
 * node_exporter's (which calls statfs(2) directly). statvfs is used because its layout is the same
 * on every 64-bit Linux, where struct statfs differs (s390x).
 */
final class JnaStatFs implements StatFs {

  interface LibC extends Library {
    int statvfs(String path, Pointer buf);
  }

  /** struct statvfs of glibc on 64-bit Linux (bits/statvfs.h): 112 bytes. */
  @Structure.FieldOrder({
    "f_bsize",
    "f_frsize",
    "f_blocks",
    "f_bfree",
    "f_bavail",
    "f_files",
    "f_ffree",
    "f_favail",
    "f_fsid",
    "f_flag",
    "f_namemax",
    "f_spare"
  })
  public static final class Statvfs extends Structure {
    public long f_bsize;
    public long f_frsize;
    public long f_blocks;
    public long f_bfree;
    public long f_bavail;
    public long f_files;
    public long f_ffree;
    public long f_favail;
    public long f_fsid;
    public long f_flag;
    public long f_namemax;
    // f_type (glibc 2.39+) and the spare ints.
    public int[] f_spare = new int[6];

    /** The fields' offsets in the struct, as JNA lays it out; computed once. */
    static final class Offsets {
      private static final Statvfs LAYOUT = new Statvfs();
      static final int SIZE = LAYOUT.size();
      static final int BSIZE = LAYOUT.fieldOffset("f_bsize");
      static final int BLOCKS = LAYOUT.fieldOffset("f_blocks");
      static final int BFREE = LAYOUT.fieldOffset("f_bfree");
      static final int BAVAIL = LAYOUT.fieldOffset("f_bavail");
      static final int FILES = LAYOUT.fieldOffset("f_files");
      static final int FFREE = LAYOUT.fieldOffset("f_ffree");

      private Offsets() {}
    }
  }

  /**
   * Each thread's buffer for the struct, read at its offsets: a Structure per call costs a native
   * allocation and reflection over its fields both ways (tens of µs a call compiled).
   */
  private static final ThreadLocal<Memory> BUFFER =
      ThreadLocal.withInitial(() -> new Memory(Statvfs.Offsets.SIZE));

  private final LibC libc;

  /**
   * @throws IllegalStateException off 64-bit Linux, or when libc cannot be loaded
   */
  JnaStatFs() {
    if (!Platform.isLinux() || !Platform.is64Bit()) {
      throw new IllegalStateException(
          "statvfs layout known for 64-bit Linux only, not " + Platform.ARCH);
    }
    try {
      libc = Native.load("c", LibC.class);
    } catch (UnsatisfiedLinkError e) {
      throw new IllegalStateException("libc not loadable through JNA: " + e.getMessage(), e);
    }
  }

  @Override
  public Result statfs(String path) throws IOException {
    Memory s = BUFFER.get();
    s.clear();
    if (libc.statvfs(path, s) != 0) {
      throw new IOException("statvfs " + path + ": errno " + Native.getLastError());
    }
    return new Result(
        s.getLong(Statvfs.Offsets.BSIZE),
        s.getLong(Statvfs.Offsets.BLOCKS),
        s.getLong(Statvfs.Offsets.BFREE),
        s.getLong(Statvfs.Offsets.BAVAIL),
        s.getLong(Statvfs.Offsets.FILES),
        s.getLong(Statvfs.Offsets.FFREE));
  }
}
