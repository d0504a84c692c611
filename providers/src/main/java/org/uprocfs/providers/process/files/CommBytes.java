package org.uprocfs.providers.process.files;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.uprocfs.core.api.SeqBuffer;

/**
 * A task name as the kernel keeps it: bytes, not text. The model holds names as strings; a byte that is not
 * part of valid UTF-8 is kept as the lone surrogate U+DC80..U+DCFF (Python's {@code surrogateescape}), so a
 * name written with any bytes reads back with exactly those bytes in comm, stat, status and sched.
 */
public final class CommBytes {
    private static final char ESCAPE_BASE = 0xDC00;

    private CommBytes() {
    }

    /** The bytes as a name: UTF-8 where they are UTF-8, each other byte escaped. */
    public static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                for (int i = 0; i < result.length(); i++) {
                    out.put((char) (ESCAPE_BASE | (in.get() & 0xff)));
                }
            } else {
                break;
            }
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** Appends a name: escaped bytes as themselves, the rest UTF-8 encoded. */
    public static void put(SeqBuffer m, CharSequence name) {
        int start = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= ESCAPE_BASE + 0x80 && c <= ESCAPE_BASE + 0xff) {
                if (i > start) {
                    m.puts(name.subSequence(start, i));
                }
                m.write(new byte[] {(byte) (c - ESCAPE_BASE)});
                start = i + 1;
            }
        }
        if (start < name.length()) {
            m.puts(start == 0 ? name : name.subSequence(start, name.length()));
        }
    }
}
