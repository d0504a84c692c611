package org.uprocfs.providers.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.uprocfs.providers.hardware.model.Machine;
import org.uprocfs.providers.hardware.profile.ProfileException;
import org.uprocfs.providers.hardware.profile.ProfileLoader;

/** Each way a profile can be wrong is refused with a ProfileException naming the field. */
class ProfileValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void defaultProfile_loads_withEightCpusInFourCoresTwoThreads() {
        Machine machine = ProfileLoader.loadDefault();
        assertEquals(8, machine.cpuCount());
        assertEquals(0, machine.cpus().get(4).coreId(), "cpu4 is the second thread of core 0");
        assertEquals(1, machine.cpus().get(4).apicid());
        assertEquals(2048, machine.nrIrqs());
    }

    @Test
    void shippedProfiles_load() {
        assertEquals(64, ProfileLoader.loadResource("/org/uprocfs/providers/hardware/profiles/server-64.json").cpuCount());
        assertEquals(1, ProfileLoader.loadResource("/org/uprocfs/providers/hardware/profiles/board-1.json").cpuCount());
    }

    @Test
    void iomem_overlappingSiblings_refusedNamingStart() {
        ProfileException e = refused(root -> {
            ObjectNode second = (ObjectNode) root.withArray("iomem").get(1);
            second.put("start", "0x800");
        });
        assertEquals("iomem[1].start", e.field());
        assertTrue(e.getMessage().contains("overlaps"), e.getMessage());
    }

    @Test
    void iomem_childOutsideParent_refusedNamingChild() {
        ProfileException e = refused(root -> {
            ObjectNode ram = (ObjectNode) root.withArray("iomem").get(6);
            ObjectNode kernelCode = (ObjectNode) ram.withArray("children").get(0);
            kernelCode.put("end", "0x50000000");
        });
        assertEquals("iomem[6].children[0]", e.field());
        assertTrue(e.getMessage().contains("outside its parent"), e.getMessage());
    }

    @Test
    void ioports_beyondPortSpace_refused() {
        ProfileException e = refused(root -> ((ObjectNode) root.withArray("ioports").get(2)).put("end", "0x10000"));
        assertEquals("ioports[2]", e.field());
    }

    @Test
    void charMajors_duplicateMajor_refusedNamingMajor() {
        ProfileException e = refused(root -> ((ObjectNode) root.withArray("charMajors").get(3)).put("major", 4));
        assertEquals("charMajors[3].major", e.field());
        assertTrue(e.getMessage().contains("duplicate major 4"), e.getMessage());
    }

    @Test
    void blockMajors_duplicateMajor_refusedNamingMajor() {
        ProfileException e = refused(root -> ((ObjectNode) root.withArray("blockMajors").get(1)).put("major", 7));
        assertEquals("blockMajors[1].major", e.field());
    }

    @Test
    void memory_freeAboveTotal_refusedNamingFreeKb() {
        ProfileException e = refused(root -> ((ObjectNode) root.get("memory")).put("freeKb", 99_999_999));
        assertEquals("memory.freeKb", e.field());
        assertTrue(e.getMessage().contains("above MemTotal"), e.getMessage());
    }

    @Test
    void cpu_topologyNotAddingUp_refusedNamingCount() {
        ProfileException e = refused(root -> ((ObjectNode) root.get("cpu")).put("count", 6));
        assertEquals("cpu.count", e.field());
        assertTrue(e.getMessage().contains("do not add up"), e.getMessage());
    }

    @Test
    void swap_usedAboveSize_refusedNamingUsedKb() {
        ProfileException e = refused(root -> ((ObjectNode) root.withArray("swaps").get(0)).put("usedKb", 9_000_000));
        assertEquals("swaps[0].usedKb", e.field());
    }

    @Test
    void disk_unregisteredMajor_refusedNamingMajor() {
        ProfileException e = refused(root -> ((ObjectNode) root.withArray("disks").get(8)).put("major", 300));
        assertEquals("disks[8].major", e.field());
    }

    @Test
    void unknownField_refusedNamingIt() {
        ProfileException e = refused(root -> ((ObjectNode) root.get("cpu")).put("turbo", true));
        assertEquals("cpu.turbo", e.field());
    }

    @Test
    void badNumber_refusedNamingField() {
        ProfileException e = refused(root -> ((ArrayNode) root.withArray("iomem")).insertObject(0)
                .put("start", "0xZZ").put("end", "0x1").put("name", "x"));
        assertEquals("iomem[0].start", e.field());
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
