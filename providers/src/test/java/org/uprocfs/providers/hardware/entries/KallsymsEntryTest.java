package org.uprocfs.providers.hardware.entries;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.io.SeqRenderer;
import org.uprocfs.providers.hardware.model.Machine;
import org.uprocfs.providers.hardware.profile.ProfileLoader;

class KallsymsEntryTest {
    private static final Machine MACHINE = ProfileLoader.loadDefault();
    private static final Caller USER = new Caller(1000, 1000, 7);

    @Test
    void show_unprivilegedReader_seesRootLinesWithZeroAddresses() {
        KallsymsEntry entry = new KallsymsEntry(MACHINE, 42);
        List<String> root = render(entry, Caller.ROOT).lines().toList();
        List<String> user = render(entry, USER).lines().toList();
        assertEquals(root.size(), user.size());
        for (int i = 0; i < root.size(); i += 997) {
            assertEquals("0000000000000000" + root.get(i).substring(16), user.get(i));
        }
        assertTrue(user.stream().allMatch(line -> line.startsWith("0000000000000000 ")));
    }

    @Test
    void show_lineCount_isOnePerSymbol() {
        KallsymsEntry entry = new KallsymsEntry(MACHINE, 42);
        SymbolTable table = new SymbolTable(MACHINE, 42);
        assertEquals(table.size(), render(entry, Caller.ROOT).lines().count());
    }

    @Test
    void show_repeatedOpens_giveTheSameBytes() {
        KallsymsEntry entry = new KallsymsEntry(MACHINE, 7);
        byte[] first = bytes(entry, USER);
        assertArrayEquals(first, bytes(entry, USER));
        assertArrayEquals(bytes(new KallsymsEntry(MACHINE, 7), USER), first);
    }

    @Test
    void lines_matchTheTableRenderedWhole() {
        SymbolTable table = new SymbolTable(MACHINE, 42);
        assertArrayEquals(table.render(), bytes(new KallsymsEntry(MACHINE, 42), Caller.ROOT));
    }

    @Test
    void start_atAnyPosition_givesThatLine_andNothingPastTheEnd() {
        KallsymsEntry entry = new KallsymsEntry(MACHINE, 42);
        SymbolTable table = new SymbolTable(MACHINE, 42);
        List<String> lines = render(entry, Caller.ROOT).lines().toList();
        org.uprocfs.core.api.SeqBuffer one = org.uprocfs.core.api.SeqBuffer.forRoot();
        entry.show(one, entry.start(12_345));
        assertEquals(lines.get(12_345) + "\n", one.toString());
        assertEquals(null, entry.start(table.size()));
    }

    @Test
    void show_differentSeeds_giveDifferentNames() {
        String a = render(new KallsymsEntry(MACHINE, 1), Caller.ROOT).lines().findFirst().orElseThrow();
        String b = render(new KallsymsEntry(MACHINE, 2), Caller.ROOT).lines().findFirst().orElseThrow();
        assertTrue(!a.equals(b), a);
    }

    private static String render(KallsymsEntry entry, Caller caller) {
        return new String(bytes(entry, caller), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(KallsymsEntry entry, Caller caller) {
        return SeqRenderer.render(entry, caller, 64L << 20).toByteArray();
    }
}
