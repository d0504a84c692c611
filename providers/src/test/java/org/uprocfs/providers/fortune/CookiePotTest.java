package org.uprocfs.providers.fortune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CookiePotTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void next_emptyPot_givesEmptyCookie() {
        CookiePot pot = new CookiePot(16);

        assertArrayEquals(new byte[0], pot.next());
        assertArrayEquals(new byte[0], pot.next());
    }

    @Test
    void add_usesLengthIncludingTerminator() {
        CookiePot pot = new CookiePot(16);
        assertTrue(pot.add(bytes("abc\n")));

        assertEquals(4, pot.used());
        assertArrayEquals(bytes("abc"), pot.next());
    }

    @Test
    void add_exactFit_isAccepted_andOneMoreByteIsNot() {
        CookiePot pot = new CookiePot(8);
        assertTrue(pot.add(bytes("1234567\n")));

        assertFalse(pot.add(bytes("\n")));
        assertEquals(8, pot.used());
    }

    @Test
    void add_zeroBytes_storesNothing() {
        CookiePot pot = new CookiePot(8);
        assertTrue(pot.add(new byte[0]));

        assertEquals(0, pot.used());
    }

    @Test
    void next_innerNul_splitsCookie_asTheCStringPotDoes() {
        CookiePot pot = new CookiePot(16);
        pot.add(bytes("ab\0cd\n"));

        assertArrayEquals(bytes("ab"), pot.next());
        assertArrayEquals(bytes("cd"), pot.next());
        assertArrayEquals(bytes("ab"), pot.next());
    }
}
