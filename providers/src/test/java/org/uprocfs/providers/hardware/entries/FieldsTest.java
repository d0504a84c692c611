package org.uprocfs.providers.hardware.entries;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.uprocfs.core.api.SeqBuffer;

class FieldsTest {
    private static final long[] VALUES = {0, 1, 9, 10, 15, 16, 255, 4096, 123456789L, 0xfee00000L, -1L,
        Long.MAX_VALUE, Long.MIN_VALUE, 0xffffffff81000000L};

    @Test
    void hex_everyWidthAndValue_matchesFormatter() {
        for (long value : VALUES) {
            for (int width = 1; width <= 18; width++) {
                int w = width;
                assertEquals(format("%0" + w + "x", value), render(m -> Fields.hex(m, value, w, true)));
                assertEquals(format("%" + w + "x", value), render(m -> Fields.hex(m, value, w, false)));
                assertEquals(format("%-" + w + "x", value), render(m -> Fields.hexLeft(m, value, w)));
                assertEquals(format("%0" + w + "X", value), render(m -> Fields.hexUpper(m, value, w)));
            }
        }
    }

    @Test
    void decimal_everyWidthAndValue_matchesFormatter() {
        for (long value : VALUES) {
            for (int width = 1; width <= 22; width++) {
                int w = width;
                assertEquals(format("%" + w + "d", value), render(m -> Fields.dec(m, value, w)));
                assertEquals(format("%-" + w + "d", value), render(m -> Fields.decLeft(m, value, w)));
                if (value >= 0) {
                    assertEquals(format("%0" + w + "d", value), render(m -> Fields.decZero(m, value, w)));
                }
            }
        }
    }

    @Test
    void strings_shorterAndLongerThanWidth_matchFormatter() {
        for (String text : new String[] {"", "eth0", "IO-APIC", "a-name-longer-than-the-field"}) {
            for (int width = 1; width <= 12; width++) {
                int w = width;
                assertEquals(format("%" + w + "s", text), render(m -> Fields.right(m, text, w)));
                assertEquals(format("%-" + w + "s", text), render(m -> Fields.left(m, text, w)));
            }
        }
    }

    private static String format(String format, Object value) {
        return String.format(Locale.ROOT, format, value);
    }

    private static String render(java.util.function.Consumer<SeqBuffer> print) {
        SeqBuffer buffer = SeqBuffer.forRoot();
        print.accept(buffer);
        return buffer.toString();
    }
}
