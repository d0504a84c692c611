package org.uprocfs.providers.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.uprocfs.providers.hardware.model.Machine;
import org.uprocfs.providers.hardware.profile.ProfileException;
import org.uprocfs.providers.hardware.profile.ProfileLoader;
import org.uprocfs.providers.hardware.sim.Simulation;

/** Each way a profile's process entry can be wrong is refused with a ProfileException naming the field. */
class ProcessProfileValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void profileWithoutProcesses_loadsWithAMinimalUserSpace() throws Exception {
        ObjectNode root = defaultProfile();
        root.remove("processes");
        Machine machine = ProfileLoader.parse(JSON.writeValueAsBytes(root));
        Simulation sim = new Simulation(machine, 1);
        assertEquals("systemd", sim.processes().at(3_600_000_000_000L).process(1).comm());
    }

    @Test
    void cpuShare_aboveOne_refusedNamingIt() {
        ProfileException e = refused(root -> process(root, 3).put("cpuShare", 1.5));
        assertEquals("processes[3].cpuShare", e.field());
        assertTrue(e.getMessage().contains("outside 0..1"), e.getMessage());
    }

    @Test
    void cpuShare_sumAboveLimit_refusedAtTheEntryThatCrossesIt() {
        ProfileException e = refused(root -> {
            process(root, 2).put("cpuShare", 0.5);
            process(root, 4).put("cpuShare", 0.3);
        });
        assertEquals("processes[4].cpuShare", e.field());
        assertTrue(e.getMessage().contains("add up to"), e.getMessage());
    }

    @Test
    void comm_longerThanTaskCommLen_refused() {
        ProfileException e = refused(root -> process(root, 2).put("comm", "systemd-udevd-worker"));
        assertEquals("processes[2].comm", e.field());
        assertTrue(e.getMessage().contains("15 bytes"), e.getMessage());
    }

    @Test
    void parent_unknownComm_refused() {
        ProfileException e = refused(root -> process(root, 5).put("parent", "nosuchd"));
        assertEquals("processes[5].parent", e.field());
        assertTrue(e.getMessage().contains("no earlier process"), e.getMessage());
    }

    @Test
    void parent_laterIndex_refused() {
        ProfileException e = refused(root -> process(root, 5).put("parent", "9"));
        assertEquals("processes[5].parent", e.field());
    }

    @Test
    void init_withParent_refused() {
        ProfileException e = refused(root -> process(root, 0).put("parent", "1"));
        assertEquals("processes[0].parent", e.field());
        assertTrue(e.getMessage().contains("init has no parent"), e.getMessage());
    }

    @Test
    void state_zombie_refused() {
        ProfileException e = refused(root -> process(root, 6).put("state", "Z"));
        assertEquals("processes[6].state", e.field());
    }

    @Test
    void tty_unknownName_refused() {
        ProfileException e = refused(root -> process(root, 6).put("tty", "console0"));
        assertEquals("processes[6].tty", e.field());
    }

    @Test
    void threads_zero_refused() {
        ProfileException e = refused(root -> process(root, 6).put("threads", 0));
        assertEquals("processes[6].threads", e.field());
    }

    @Test
    void vsize_belowRss_refused() {
        ProfileException e = refused(root -> process(root, 6).put("rssKb", 9000).put("vsizeKb", 8000));
        assertEquals("processes[6].vsizeKb", e.field());
    }

    @Test
    void nice_outOfRange_refused() {
        ProfileException e = refused(root -> process(root, 6).put("nice", 25));
        assertEquals("processes[6].nice", e.field());
    }

    @Test
    void oomScoreAdj_outOfRange_refused() {
        ProfileException e = refused(root -> process(root, 6).put("oomScoreAdj", -1001));
        assertEquals("processes[6].oomScoreAdj", e.field());
    }

    @Test
    void exe_relativePath_refused() {
        ProfileException e = refused(root -> process(root, 6).put("exe", "usr/bin/cron"));
        assertEquals("processes[6].exe", e.field());
    }

    @Test
    void unknownProcessField_refusedNamingIt() {
        ProfileException e = refused(root -> process(root, 1).put("colour", "blue"));
        assertEquals("processes[1].colour", e.field());
    }

    @Test
    void bootForks_tooFewForTheProcesses_refused() {
        ProfileException e = refused(root -> ((ObjectNode) root.get("tasks")).put("bootForks", 100));
        assertEquals("tasks.bootForks", e.field());
        assertTrue(e.getMessage().contains("kernel threads"), e.getMessage());
    }

    @Test
    void forksPerSec_fasterThanPidsCanWrap_refused() {
        ProfileException e = refused(root -> ((ObjectNode) root.get("tasks")).put("forksPerSec", 5000));
        assertEquals("tasks.forksPerSec", e.field());
    }

    private static ObjectNode process(ObjectNode root, int index) {
        return (ObjectNode) root.withArray("processes").get(index);
    }

    private static ProfileException refused(Consumer<ObjectNode> damage) {
        ObjectNode root = defaultProfile();
        damage.accept(root);
        return assertThrows(ProfileException.class, () -> ProfileLoader.parse(JSON.writeValueAsBytes(root)));
    }

    private static ObjectNode defaultProfile() {
        try (InputStream in = ProfileLoader.class.getResourceAsStream(ProfileLoader.DEFAULT_RESOURCE)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
