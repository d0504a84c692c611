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

/** The cost of one small show file read the way cat reads it: open, read, read at EOF, release. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ShowOpenReadBenchmark {
    private ProcFs fs;
    private final byte[] buffer = new byte[128 * 1024];
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

    /** open + 128 KiB read + read at EOF + release of an 80-byte file. */
    @Benchmark
    public int openReadRelease() {
        long handle = fs.open("/small", OpenRequest.O_RDONLY, Caller.ROOT);
        int n = fs.read(handle, 0, buffer.length, sink);
        int eof = fs.read(handle, n, buffer.length, sink);
        fs.release(handle);
        return n + eof;
    }
}
