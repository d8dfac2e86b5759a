package io.agentcollector.plugin.disk;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.kernel.sys.SysFsXfsStats;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.util.List;
import org.pf4j.Extension;

/**
 * node_exporter's xfs collector: the counters of {@code /sys/fs/xfs/<device>/stats/stats} per
 * mounted XFS filesystem, {@code node_xfs_<group>_<value>_total{device}} for the extent allocation,
 * allocation B-tree, block mapping, block map B-tree, directory, inode, read/write and vnode groups
 * (names of the XFS wiki's "Runtime Stats", as node_exporter). No /sys/fs/xfs is no data. Golden
 * file: src/test/golden/xfs.prom.
 */
@Extension
@CollectorInfo(name = "xfs", nodeExporter = true)
public final class XfsCollector implements Collector {

  /** A counter: the group of the stats file, the value's index in it, the family, its help. */
  private record Counter(String group, int index, String name, String help) {}

  private static final List<Counter> COUNTERS =
      List.of(
          c("extent_alloc", 0, "extent_allocation_extents_allocated", "Extents allocated."),
          c("extent_alloc", 1, "extent_allocation_blocks_allocated", "Blocks allocated."),
          c("extent_alloc", 2, "extent_allocation_extents_freed", "Extents freed."),
          c("extent_alloc", 3, "extent_allocation_blocks_freed", "Blocks freed."),
          c("abt", 0, "allocation_btree_lookups", "Allocation B-tree lookups."),
          c("abt", 1, "allocation_btree_compares", "Allocation B-tree compares."),
          c("abt", 2, "allocation_btree_records_inserted", "Allocation B-tree records inserted."),
          c("abt", 3, "allocation_btree_records_deleted", "Allocation B-tree records deleted."),
          c("blk_map", 0, "block_mapping_reads", "Block map for read operations."),
          c("blk_map", 1, "block_mapping_writes", "Block map for write operations."),
          c("blk_map", 2, "block_mapping_unmaps", "Block unmaps (deletes)."),
          c("blk_map", 3, "block_mapping_extent_list_insertions", "Extent list insertions."),
          c("blk_map", 4, "block_mapping_extent_list_deletions", "Extent list deletions."),
          c("blk_map", 5, "block_mapping_extent_list_lookups", "Extent list lookups."),
          c("blk_map", 6, "block_mapping_extent_list_compares", "Extent list compares."),
          c("bmbt", 0, "block_map_btree_lookups", "Block map B-tree lookups."),
          c("bmbt", 1, "block_map_btree_compares", "Block map B-tree compares."),
          c("bmbt", 2, "block_map_btree_records_inserted", "Block map B-tree records inserted."),
          c("bmbt", 3, "block_map_btree_records_deleted", "Block map B-tree records deleted."),
          c("dir", 0, "directory_operation_lookup", "Directory lookups missing the dcache."),
          c("dir", 1, "directory_operation_create", "Directory entries created."),
          c("dir", 2, "directory_operation_remove", "Directory entries removed."),
          c("dir", 3, "directory_operation_getdents", "Directory getdents operations."),
          c("ig", 0, "inode_operation_attempts", "Inode cache lookups."),
          c("ig", 1, "inode_operation_found", "Inode cache hits."),
          c("ig", 2, "inode_operation_recycled", "Inodes found in the cache while recycled."),
          c("ig", 3, "inode_operation_missed", "Inode cache misses."),
          c("ig", 4, "inode_operation_duplicates", "Inodes added to the cache by another."),
          c("ig", 5, "inode_operation_reclaims", "Inodes reclaimed from the cache."),
          c("ig", 6, "inode_operation_attribute_changes", "Inode attribute changes."),
          c("rw", 1, "read_calls", "read(2) system calls to files."),
          c("rw", 0, "write_calls", "write(2) system calls to files."),
          c("vnodes", 0, "vnode_active", "Vnodes not on free lists."),
          c("vnodes", 1, "vnode_allocate", "Times vn_alloc called."),
          c("vnodes", 2, "vnode_get", "Times vn_get called."),
          c("vnodes", 3, "vnode_hold", "Times vn_hold called."),
          c("vnodes", 4, "vnode_release", "Times vn_rele called."),
          c("vnodes", 5, "vnode_reclaim", "Times vn_reclaim called."),
          c("vnodes", 6, "vnode_remove", "Times vn_remove called."));

  private final HostPaths paths;

  public XfsCollector(CollectorContext context) {
    paths = context.hostPaths();
  }

  private static Counter c(String group, int index, String name, String help) {
    return new Counter(group, index, "node_xfs_" + name + "_total", help);
  }

  @Override
  public MetricSnapshots collect() throws IOException {
    MetricFamilies f = new MetricFamilies();
    for (SysFsXfsStats fs : SysFsXfsStats.read(paths.sys("fs", "xfs"))) {
      for (Counter c : COUNTERS) {
        f.counter(c.name(), c.help())
            .add(Unsigned.toDouble(fs.groups().get(c.group())[c.index()]), "device", fs.device());
      }
    }
    return f.build();
  }
}
