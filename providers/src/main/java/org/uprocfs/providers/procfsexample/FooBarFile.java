package org.uprocfs.providers.procfsexample;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.uprocfs.core.api.LegacyReadProc;
import org.uprocfs.core.api.ReadProcPage;
import org.uprocfs.core.api.WriteHandler;
import org.uprocfs.core.api.WriteRequest;

/**
 * One of the guide's {@code foo}/{@code bar} files: a name and a value of at most eight bytes, read
 * as {@code name = 'value'} and replaced by each write.
 *
 * <p>The value is an immutable array swapped atomically, so concurrent writes and reads need no lock.
 */
final class FooBarFile implements LegacyReadProc, WriteHandler {
    /** FOOBAR_LEN of the guide: the value holds at most this many bytes. */
    static final int VALUE_MAX = 8;

    private final String name;
    private final AtomicReference<byte[]> value;

    FooBarFile(String name, byte[] initialValue) {
        this.name = name;
        this.value = new AtomicReference<>(Arrays.copyOf(initialValue, Math.min(initialValue.length, VALUE_MAX)));
    }

    /** read_proc with start unset: the whole line from the page start; the engine skips to the offset. */
    @Override
    public int read(ReadProcPage page, long offset, int count) {
        byte[] current = value.get();
        page.print(name + " = '");
        // The value is a C string in the guide: a NUL written into it ends what is shown.
        page.write(current, 0, lengthBeforeNul(current));
        page.print("'\n");
        if (page.length() - offset <= count) {
            // The guide leaves eof unset, so 2.6 called again and could splice the tail of a value written
            // meanwhile onto this line; when the rest of the line fits this call, say that nothing follows.
            page.setEof();
        }
        return page.length();
    }

    /**
     * write_proc: keeps the first eight bytes verbatim (newline included) and reports only those as
     * taken, so a writer that checks the count writes the rest next, replacing them again.
     */
    @Override
    public int write(WriteRequest request) {
        int taken = Math.min(request.length(), VALUE_MAX);
        value.set(Arrays.copyOf(request.data(), taken));
        return taken;
    }

    private static int lengthBeforeNul(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return bytes.length;
    }
}
