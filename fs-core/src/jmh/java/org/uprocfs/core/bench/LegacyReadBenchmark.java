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

/** The read_proc loop over a 64 KiB file in one 64 KiB request: 22 handler calls of at most 3072 bytes. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LegacyReadBenchmark {
    private ProcFs fs;
    private final byte[] buffer = new byte[BenchFs.LEGACY_BYTES];
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

    /** open, one 64 KiB read, release. */
    @Benchmark
    public int read64KiB() {
        long handle = fs.open("/legacy", OpenRequest.O_RDONLY, Caller.ROOT);
        int n = fs.read(handle, 0, buffer.length, sink);
        fs.release(handle);
        if (n != BenchFs.LEGACY_BYTES) {
            throw new IllegalStateException("read " + n + " bytes");
        }
        return n;
    }
}
