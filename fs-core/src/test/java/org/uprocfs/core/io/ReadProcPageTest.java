package org.uprocfs.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.ReadProcPage;

/** The read_proc page: appending within one page and the start and eof controls. */
class ReadProcPageTest {
    private final ReadProcPage page = new ReadProcPage(Caller.ROOT);

    @Test
    void printf_appendsAtTheWritePosition_andReturnsTheBytesWritten() {
        int first = page.printf("%d:", 12);
        int second = page.print("\u00e9");

        assertEquals(3, first);
        assertEquals(2, second);
        assertEquals(5, page.length());
    }

    @Test
    void write_beyondThePage_dropsTheExcess() {
        page.write(new byte[4000], 0, 4000);

        int written = page.write(new byte[200], 0, 200);

        assertEquals(96, written);
        assertEquals(4096, page.length());
    }

    @Test
    void newPage_hasStartUnsetAndNoEof() {
        assertEquals(ReadProcPage.StartMode.UNSET, page.startMode());
        assertFalse(page.eof());
    }

    @Test
    void setStart_insideThePage_selectsInPageMode() {
        page.setStart(100);

        assertEquals(ReadProcPage.StartMode.IN_PAGE, page.startMode());
        assertEquals(100, page.start());
    }

    @Test
    void setStart_outsideThePage_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> page.setStart(4097));
        assertThrows(IllegalArgumentException.class, () -> page.setStart(-1));
    }

    @Test
    void setStartToken_pageSizeOrMore_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> page.setStartToken(4096));
    }
}
