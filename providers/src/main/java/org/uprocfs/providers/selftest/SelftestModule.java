package org.uprocfs.providers.selftest;

import org.uprocfs.core.api.LoadOnRequest;
import org.uprocfs.core.api.LogLevel;
import org.uprocfs.core.api.ProcContext;
import org.uprocfs.core.api.ProcDir;
import org.uprocfs.core.api.ProcHandlers;
import org.uprocfs.core.api.ProcModule;

/**
 * A fixture module that exercises every read and write shape of the engine: loaded only when named
 * ({@code --modules selftest}), so integration tests can pin the foundation's behaviour.
 *
 * <pre>
 * selftest/
 *   version         0444 show: one line
 *   scratch         0666 show + write: the last write, and a log of every write received
 *   write_log       0444 show: one line per write(2) the scratch file got (count, length, hex)
 *   big             0444 seq: 20480 records of 64 bytes (1.25 MiB)
 *   render_count    0444 show: how many times big was rendered
 *   legacy_unset    0444 read_proc, start left unset (3500 bytes)
 *   legacy_token    0444 read_proc, start as a record count (1000 records of 32 bytes)
 *   legacy_inpage   0444 read_proc, start inside the page (20000 bytes)
 *   faulty          0444 show that throws a RuntimeException
 *   meminfo_like    0444 show: a /proc/meminfo-sized file (about 1.5 KiB), for benchmarks
 *   cpuinfo_like    0444 show: a two-CPU /proc/cpuinfo-sized file (about 2.6 KiB), for benchmarks
 *   blob16m         0444 show: 16 MiB of 64-byte lines, for throughput benchmarks
 *   hang            0666 show and write that sleep until their thread is interrupted
 *   hog             0444 show that prints without end, until the render cap
 *   interrupted     0444 show: how many hang calls ended by an interrupt
 *   link            symlink to version
 * </pre>
 */
@LoadOnRequest
public final class SelftestModule implements ProcModule {

    @Override
    public String name() {
        return "selftest";
    }

    @Override
    public void init(ProcContext context) {
        ProcDir dir = context.mkdir(null, "selftest", 0555);
        context.create(dir, "version", 0444, ProcHandlers.show(buffer -> buffer.puts("uprocfs selftest 1\n")));
        ScratchFile scratch = new ScratchFile();
        context.create(dir, "scratch", 0666, ProcHandlers.show(scratch::show).withWrite(scratch::write));
        context.create(dir, "write_log", 0444, ProcHandlers.show(scratch::showLog));
        BigSeqFile big = new BigSeqFile();
        context.create(dir, "big", 0444, ProcHandlers.seq(big));
        context.create(dir, "render_count", 0444, ProcHandlers.show(buffer -> buffer.putLong(big.renders()).putc('\n')));
        context.create(dir, "legacy_unset", 0444, ProcHandlers.legacy(LegacyFixtures::unset));
        context.create(dir, "legacy_token", 0444, ProcHandlers.legacy(LegacyFixtures::token));
        context.create(dir, "legacy_inpage", 0444, ProcHandlers.legacy(LegacyFixtures::inPage));
        context.create(dir, "faulty", 0444, ProcHandlers.show(buffer -> {
            throw new IllegalStateException("selftest fault injected on purpose");
        }));
        context.create(dir, "meminfo_like", 0444, ProcHandlers.show(new MeminfoLikeFile()::show));
        context.create(dir, "cpuinfo_like", 0444, ProcHandlers.show(new CpuinfoLikeFile()::show));
        context.create(dir, "blob16m", 0444, ProcHandlers.show(new BlobFile()::show));
        RunawayFiles runaway = new RunawayFiles();
        context.create(dir, "hang", 0666, ProcHandlers.show(runaway::hang).withWrite(runaway::hangWrite));
        context.create(dir, "hog", 0444, ProcHandlers.show(runaway::hog));
        context.create(dir, "interrupted", 0444, ProcHandlers.show(runaway::showInterrupted));
        context.symlink(dir, "link", "version");
        context.printk(LogLevel.INFO, "selftest: Module loaded.");
    }
}
