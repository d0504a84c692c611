package org.uprocfs.providers.hardware.entries;

import org.uprocfs.core.api.ProcClock;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.api.ShowHandler;
import org.uprocfs.providers.hardware.model.BlockDevice;
import org.uprocfs.providers.hardware.sim.MemorySnapshot;
import org.uprocfs.providers.hardware.sim.Simulation;

/**
 * /proc/vmstat: "name value" lines in the order of mm/vmstat.c's vmstat_text on 6.18. Page gauges follow the
 * simulated memory, paging counters follow the disks; counters the simulation does not model stay 0.
 */
public final class VmstatEntry implements ShowHandler {
    private static final String[] NAMES = (""
            + "nr_free_pages nr_free_pages_blocks nr_zone_inactive_anon nr_zone_active_anon nr_zone_inactive_file "
            + "nr_zone_active_file nr_zone_unevictable nr_zone_write_pending nr_mlock nr_zspages nr_free_cma "
            + "numa_hit numa_miss numa_foreign numa_interleave numa_local numa_other nr_inactive_anon "
            + "nr_active_anon nr_inactive_file nr_active_file nr_unevictable nr_slab_reclaimable "
            + "nr_slab_unreclaimable nr_isolated_anon nr_isolated_file workingset_nodes workingset_refault_anon "
            + "workingset_refault_file workingset_activate_anon workingset_activate_file workingset_restore_anon "
            + "workingset_restore_file workingset_nodereclaim nr_anon_pages nr_mapped nr_file_pages nr_dirty "
            + "nr_writeback nr_shmem nr_shmem_hugepages nr_shmem_pmdmapped nr_file_hugepages nr_file_pmdmapped "
            + "nr_anon_transparent_hugepages nr_vmscan_write nr_vmscan_immediate_reclaim nr_dirtied nr_written "
            + "nr_throttled_written nr_kernel_misc_reclaimable nr_foll_pin_acquired nr_foll_pin_released "
            + "nr_kernel_stack nr_page_table_pages nr_sec_page_table_pages nr_iommu_pages nr_swapcached "
            + "pgpromote_success pgpromote_candidate pgpromote_candidate_nrl pgdemote_kswapd pgdemote_direct "
            + "pgdemote_khugepaged pgdemote_proactive nr_hugetlb nr_balloon_pages nr_kernel_file_pages "
            + "nr_dirty_threshold nr_dirty_background_threshold nr_memmap_pages nr_memmap_boot_pages pgpgin "
            + "pgpgout pswpin pswpout pgalloc_dma pgalloc_dma32 pgalloc_normal pgalloc_movable pgalloc_device "
            + "allocstall_dma allocstall_dma32 allocstall_normal allocstall_movable allocstall_device pgskip_dma "
            + "pgskip_dma32 pgskip_normal pgskip_movable pgskip_device pgfree pgactivate pgdeactivate pglazyfree "
            + "pgfault pgmajfault pglazyfreed pgrefill pgreuse pgsteal_kswapd pgsteal_direct pgsteal_khugepaged "
            + "pgsteal_proactive pgscan_kswapd pgscan_direct pgscan_khugepaged pgscan_proactive "
            + "pgscan_direct_throttle pgscan_anon pgscan_file pgsteal_anon pgsteal_file zone_reclaim_success "
            + "zone_reclaim_failed pginodesteal slabs_scanned kswapd_inodesteal kswapd_low_wmark_hit_quickly "
            + "kswapd_high_wmark_hit_quickly pageoutrun pgrotated drop_pagecache drop_slab oom_kill "
            + "numa_pte_updates numa_huge_pte_updates numa_hint_faults numa_hint_faults_local numa_pages_migrated "
            + "pgmigrate_success pgmigrate_fail thp_migration_success thp_migration_fail thp_migration_split "
            + "compact_migrate_scanned compact_free_scanned compact_isolated compact_stall compact_fail "
            + "compact_success compact_daemon_wake compact_daemon_migrate_scanned compact_daemon_free_scanned "
            + "htlb_buddy_alloc_success htlb_buddy_alloc_fail unevictable_pgs_culled unevictable_pgs_scanned "
            + "unevictable_pgs_rescued unevictable_pgs_mlocked unevictable_pgs_munlocked unevictable_pgs_cleared "
            + "unevictable_pgs_stranded thp_fault_alloc thp_fault_fallback thp_fault_fallback_charge "
            + "thp_collapse_alloc thp_collapse_alloc_failed thp_file_alloc thp_file_fallback "
            + "thp_file_fallback_charge thp_file_mapped thp_split_page thp_split_page_failed "
            + "thp_deferred_split_page thp_underused_split_page thp_split_pmd thp_scan_exceed_none_pte "
            + "thp_scan_exceed_swap_pte thp_scan_exceed_share_pte thp_split_pud thp_zero_page_alloc "
            + "thp_zero_page_alloc_failed thp_swpout thp_swpout_fallback balloon_inflate balloon_deflate "
            + "balloon_migrate swap_ra swap_ra_hit swpin_zero swpout_zero ksm_swpin_copy cow_ksm zswpin zswpout "
            + "zswpwb direct_map_level2_splits direct_map_level3_splits direct_map_level2_collapses "
            + "direct_map_level3_collapses nr_unstable "            ).trim().split(" ");

    private final Simulation sim;
    private final ProcClock clock;

    public VmstatEntry(Simulation sim, ProcClock clock) {
        this.sim = sim;
        this.clock = clock;
    }

    @Override
    public void show(SeqBuffer m) {
        long now = clock.uptimeNanos();
        MemorySnapshot s = sim.memory(now);
        long pgpgin = 0;
        long pgpgout = 0;
        for (BlockDevice disk : sim.machine().spec().disks()) {
            long[] counters = sim.diskCounters(disk, null, now);
            // pgpgin and pgpgout count kB: sectors read or written, halved.
            pgpgin += counters[2] / 2;
            pgpgout += counters[6] / 2;
        }
        long faults = sim.counter("vm.pgfault", 1800, now);
        for (String name : NAMES) {
            m.puts(name).putc(' ').putLong(value(name, s, faults, pgpgin, pgpgout, now)).putc('\n');
        }
    }

    private long value(String name, MemorySnapshot s, long faults, long pgpgin, long pgpgout, long now) {
        long lruAnon = (s.anon() + s.shmem()) / 4;
        long lruFile = (Math.max(0, s.cached() - s.shmem()) + s.buffers()) / 4;
        return switch (name) {
            case "nr_free_pages" -> s.free() / 4;
            case "nr_zone_inactive_anon", "nr_inactive_anon" -> lruAnon - lruAnon * 3 / 10;
            case "nr_zone_active_anon", "nr_active_anon" -> lruAnon * 3 / 10;
            case "nr_zone_inactive_file", "nr_inactive_file" -> lruFile - lruFile * 55 / 100;
            case "nr_zone_active_file", "nr_active_file" -> lruFile * 55 / 100;
            case "nr_zone_write_pending", "nr_dirty" -> s.dirty() / 4;
            case "nr_slab_reclaimable" -> s.slabReclaimable() / 4;
            case "nr_slab_unreclaimable" -> s.slabUnreclaimable() / 4;
            case "nr_anon_pages" -> s.anon() / 4;
            case "nr_mapped" -> s.cached() * 18 / 100 / 4;
            case "nr_file_pages" -> (s.cached() + s.buffers() + s.swapCached()) / 4;
            case "nr_shmem" -> s.shmem() / 4;
            case "nr_kernel_stack" -> s.kernelStack();
            case "nr_page_table_pages" -> s.pageTables() / 4;
            case "nr_swapcached" -> s.swapCached() / 4;
            case "nr_dirty_threshold" -> s.available() / 4 * 20 / 100;
            case "nr_dirty_background_threshold" -> s.available() / 4 * 10 / 100;
            case "numa_hit", "numa_local" -> faults * 3;
            case "pgpgin" -> pgpgin;
            case "pgpgout" -> pgpgout;
            case "pswpin" -> sim.counter("vm.pswpin", 0.05, now);
            case "pswpout" -> sim.counter("vm.pswpout", 0.08, now);
            case "pgalloc_normal" -> faults * 2;
            case "pgalloc_dma32" -> faults / 4;
            case "pgfree" -> faults * 2 + faults / 4 + s.free() / 4;
            case "pgactivate" -> faults / 10;
            case "pgfault" -> faults;
            case "pgmajfault" -> faults / 400;
            case "pgreuse" -> faults / 12;
            case "nr_dirtied", "nr_written" -> pgpgout / 4;
            default -> 0;
        };
    }
}
