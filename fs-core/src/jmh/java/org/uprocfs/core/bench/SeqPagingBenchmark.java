package org.uprocfs.core.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.uprocfs.core.ProcFs;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.OpenRequest;
import org.uprocfs.core.io.ReadSink;

/** Renders and pages a 1 MiB seq file in 4 KiB reads, as cat does; one operation is 1 MiB, so ops/s is MiB/s. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SeqPagingBenchmark {
    private static final int READ_SIZE = 4096;

    private ProcFs fs;
    private final byte[] buffer = new byte[READ_SIZE];
    private final ReadSink sink = ReadSink.of(buffer);

    /** Starts the file system. */
    @Setup(Level.Trial)
    public void setUp() {
        fs = BenchFs.start();
    }

    /** Stops it. */
    @TearDown(Level.Trial)
    public void tearDown() {
        fs.shutdown();
    }

    /** open, 4 KiB reads to EOF, release: one render and 257 reads. */
    @Benchmark
    public long readOneMiBIn4KiBReads() {
        long handle = fs.open("/big", OpenRequest.O_RDONLY, Caller.ROOT);
        long offset = 0;
        int n;
        while ((n = fs.read(handle, offset, READ_SIZE, sink)) > 0) {
            offset += n;
        }
        fs.release(handle);
        if (offset != BenchFs.BIG_BYTES) {
            throw new IllegalStateException("read " + offset + " bytes");
        }
        return offset;
    }
}
