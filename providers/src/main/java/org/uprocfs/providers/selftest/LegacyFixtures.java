package org.uprocfs.providers.selftest;

import java.nio.charset.StandardCharsets;
import org.uprocfs.core.api.ReadProcPage;

/** The three ways a 2.6 read_proc handler returns data, each over deterministic content. */
final class LegacyFixtures {
    static final byte[] UNSET_CONTENT = pattern(3500, "unset");
    static final int TOKEN_RECORDS = 1000;
    static final int TOKEN_RECORD_SIZE = 32;
    static final byte[] IN_PAGE_CONTENT = pattern(20000, "inpage");

    private LegacyFixtures() {
    }

    /** Start left unset: the whole content from the page start every time; the engine skips the offset. */
    static int unset(ReadProcPage page, long offset, int count) {
        page.write(UNSET_CONTENT, 0, UNSET_CONTENT.length);
        page.setEof();
        return UNSET_CONTENT.length;
    }

    /** Start as a small number: offset counts records; return whole records and advance by their count. */
    static int token(ReadProcPage page, long offset, int count) {
        int records = 0;
        long record = offset;
        while (record < TOKEN_RECORDS && page.length() + TOKEN_RECORD_SIZE <= count) {
            page.print(tokenRecord(record));
            record++;
            records++;
        }
        if (record >= TOKEN_RECORDS) {
            page.setEof();
        }
        page.setStartToken(records);
        return page.length();
    }

    /** Start inside the page: lay out the 1 KiB-aligned block holding offset and point start at offset in it. */
    static int inPage(ReadProcPage page, long offset, int count) {
        if (offset >= IN_PAGE_CONTENT.length) {
            page.setEof();
            return 0;
        }
        int base = (int) (offset & ~1023L);
        int length = Math.min(4096, IN_PAGE_CONTENT.length - base);
        page.put(0, IN_PAGE_CONTENT, base, length);
        int start = (int) (offset - base);
        page.setStart(start);
        int available = length - start;
        if (base + length >= IN_PAGE_CONTENT.length && available <= count) {
            page.setEof();
        }
        return Math.min(available, count);
    }

    static String tokenRecord(long record) {
        // 32 bytes: "record " + 5 digits + " " + 18 letters + newline.
        return String.format(java.util.Locale.ROOT, "record %05d %s\n", record, "abcdefghijklmnopqr");
    }

    private static byte[] pattern(int size, String tag) {
        StringBuilder text = new StringBuilder(size + 64);
        int line = 0;
        while (text.length() < size) {
            text.append(tag).append(' ').append(line++).append(" the quick brown fox jumps\n");
        }
        return text.substring(0, size).getBytes(StandardCharsets.US_ASCII);
    }
}
