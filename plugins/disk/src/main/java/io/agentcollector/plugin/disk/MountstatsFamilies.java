package io.agentcollector.plugin.disk;

import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.proc.ProcPidMountstats.Nfs;
import io.agentcollector.kernel.proc.ProcPidMountstats.Operation;
import io.prometheus.metrics.model.snapshots.Labels;

/**
 * The {@code node_mountstats_nfs_*} families of one NFS mount, named and typed as node_exporter
 * 1.5.0 has them: a row per value of /proc/self/mountstats.
 */
final class MountstatsFamilies {

  private static final String P = "node_mountstats_nfs_";

  /** {@code bytes:} values in order. */
  private static final String[][] BYTES = {
    {"read_bytes_total", "Bytes read using the read() syscall."},
    {"write_bytes_total", "Bytes written using the write() syscall."},
    {"direct_read_bytes_total", "Bytes read using the read() syscall in O_DIRECT mode."},
    {"direct_write_bytes_total", "Bytes written using the write() syscall in O_DIRECT mode."},
    {"total_read_bytes_total", "Bytes read from the NFS server, in total."},
    {"total_write_bytes_total", "Bytes written to the NFS server, in total."},
    {"read_pages_total", "Pages read directly via mmap()'d files."},
    {"write_pages_total", "Pages written directly via mmap()'d files."}
  };

  /** {@code xprt:} value index (TCP layout), family, help; families without _total are gauges. */
  private static final Object[][] TRANSPORT = {
    {1, "transport_bind_total", "Connections established from scratch to the NFS server."},
    {2, "transport_connect_total", "TCP connections made to the NFS server."},
    {4, "transport_idle_time_seconds", "Seconds since the mount last saw RPC traffic."},
    {5, "transport_sends_total", "RPC requests sent to the NFS server."},
    {6, "transport_receives_total", "RPC responses received from the NFS server."},
    {7, "transport_bad_transaction_ids_total", "Responses with an unknown transaction ID."},
    {9, "transport_backlog_queue_total", "Items added to the RPC backlog queue."},
    {10, "transport_maximum_rpc_slots", "Most RPC requests ever active at once."},
    {11, "transport_sending_queue_total", "Items added to the RPC sending queue."},
    {12, "transport_pending_queue_total", "Items added to the RPC pending queue."}
  };

  /** Per-operation values in order; the last three are milliseconds, exposed as seconds. */
  private static final String[][] OPERATIONS = {
    {"operations_requests_total", "Requests performed for an operation."},
    {"operations_transmissions_total", "RPC requests transmitted for an operation."},
    {"operations_major_timeouts_total", "Major timeouts of an operation's requests."},
    {"operations_sent_bytes_total", "Bytes sent for an operation, RPC headers included."},
    {"operations_received_bytes_total", "Bytes received for an operation, RPC headers included."},
    {"operations_queue_time_seconds_total", "Seconds an operation's requests spent queued."},
    {"operations_response_time_seconds_total", "Seconds from transmission to reply."},
    {"operations_request_time_seconds_total", "Seconds from enqueueing to completion."}
  };

  /** {@code events:} values in order; null for the one node_exporter leaves out. */
  private static final String[] EVENTS = {
    "inode_revalidate",
    "dnode_revalidate",
    "data_invalidate",
    "attribute_invalidate",
    "vfs_open",
    "vfs_lookup",
    "vfs_access",
    "vfs_update_page",
    "vfs_read_page",
    "vfs_read_pages",
    "vfs_write_page",
    "vfs_write_pages",
    "vfs_getdents",
    "vfs_setattr",
    "vfs_flush",
    "vfs_fsync",
    "vfs_lock",
    "vfs_file_release",
    null,
    "truncation",
    "write_extension",
    "silly_rename",
    "short_read",
    "short_write",
    "jukebox_delay",
    "pnfs_read",
    "pnfs_write"
  };

  private MountstatsFamilies() {}

  /** Adds the mount's samples; {@code labels} are export, protocol and mountaddr. */
  static void add(MetricFamilies f, Nfs nfs, String[] labels) {
    Labels mount = Labels.of("export", labels[0], "protocol", labels[1], "mountaddr", labels[2]);
    f.counter(P + "age_seconds_total", "The age of the NFS mount in seconds.")
        .add(Unsigned.toDouble(nfs.ageSeconds()), mount);
    for (int i = 0; i < BYTES.length; i++) {
      f.counter(P + BYTES[i][0], BYTES[i][1]).add(Unsigned.toDouble(nfs.bytes()[i]), mount);
    }
    long[] t = nfs.transport().values();
    for (Object[] row : TRANSPORT) {
      int i = (Integer) row[0];
      String name = P + row[1];
      if (name.endsWith("_total")) {
        f.counter(name, (String) row[2]).add(Unsigned.toDouble(t[i]), mount);
      } else {
        // Gauges; node_exporter wraps the idle time at 2^53 (the slot count never gets there).
        f.gauge(name, (String) row[2]).add(MountstatsCollector.wrapped(t[i]), mount);
      }
    }
    for (Operation op : nfs.operations()) {
      Labels l = mount.add("operation", op.name());
      for (int i = 0; i < OPERATIONS.length; i++) {
        long v = op.values()[i];
        double value = i < 5 ? Unsigned.toDouble(v) : MountstatsCollector.wrapped(v) / 1000.0;
        f.counter(P + OPERATIONS[i][0], OPERATIONS[i][1]).add(value, l);
      }
    }
    for (int i = 0; i < EVENTS.length; i++) {
      if (EVENTS[i] != null) {
        f.counter(P + "event_" + EVENTS[i] + "_total", "NFS " + EVENTS[i] + " events.")
            .add(Unsigned.toDouble(nfs.events()[i]), mount);
      }
    }
  }
}
