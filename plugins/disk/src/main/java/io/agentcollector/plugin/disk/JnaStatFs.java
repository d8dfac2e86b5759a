package io.agentcollector.plugin.disk;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Structure;
import java.io.IOException;

/**
 * statfs(2) through JNA: Java's FileStore has no inode counts and blocks forever on a hung mount.
 * struct statfs as glibc lays it out on 64-bit Linux (x86_64, aarch64): f_type, f_bsize,
 * f_blocks, f_bfree, f_bavail, f_files, f_ffree, f_fsid[2 ints], f_namelen, f_frsize, f_flags,
 * f_spare[4].
 */
final class JnaStatFs implements StatFs {

  interface LibC extends com.sun.jna.Library {
    int statfs(String path, StatfsStruct buf);
  }

  @Structure.FieldOrder({"f_type", "f_bsize", "f_blocks", "f_bfree", "f_bavail", "f_files", "f_ffree",
      "f_fsid", "f_namelen", "f_frsize", "f_flags", "f_spare"})
  public static final class StatfsStruct extends Structure {
    public long f_type;
    public long f_bsize;
    public long f_blocks;
    public long f_bfree;
    public long f_bavail;
    public long f_files;
    public long f_ffree;
    public int[] f_fsid = new int[2];
    public long f_namelen;
    public long f_frsize;
    public long f_flags;
    public long[] f_spare = new long[4];
  }

  private final LibC libc;

  JnaStatFs() {
    if (!Platform.isLinux() || !Platform.is64Bit()) {
      throw new IllegalStateException("statfs layout known for 64-bit Linux only");
    }
    libc = Native.load("c", LibC.class);
  }

  @Override
  public Result statfs(String path) throws IOException {
    StatfsStruct s = new StatfsStruct();
    if (libc.statfs(path, s) != 0) {
      throw new IOException("statfs " + path + ": errno " + Native.getLastError());
    }
    return new Result(s.f_bsize, s.f_blocks, s.f_bfree, s.f_bavail, s.f_files, s.f_ffree);
  }
}
