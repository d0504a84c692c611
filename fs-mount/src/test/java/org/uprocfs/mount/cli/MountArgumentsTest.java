package org.uprocfs.mount.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MountArgumentsTest {

    @Test
    void optionTables_matchEveryOptionMountCommandDeclares() {
        Set<String> flags = new HashSet<>();
        Set<String> valued = new HashSet<>();
        for (Field field : MountCommand.class.getDeclaredFields()) {
            CommandLine.Option option = field.getAnnotation(CommandLine.Option.class);
            if (option != null) {
                (field.getType() == boolean.class ? flags : valued).addAll(List.of(option.names()));
            }
        }
        assertEquals(flags, MountArguments.FLAGS);
        assertEquals(valued, MountArguments.VALUED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/tmp/m",
        "--modules selftest /tmp/m",
        "--modules=fortune,sysctl --modules kmsg /tmp/m",
        "/tmp/m --foreground --notify-stdout -v",
        "-o allow_other --verbose --no-auto-unmount /tmp/m",
        "-oallow_other /tmp/m",
        "--machine profiles/board-1.json --seed 42 --clock frozen --clock-rate 2.5 /tmp/m",
        "--seed=-7 --clock-rate=0.5 relative/dir",
        "--state /var/lib/uprocfs --reset-state /tmp/m",
        "--param etx_proc.size=64 --param=fortune.x=a=b /tmp/m",
        "--handler-timeout=500ms --render-cap 24M /tmp/m",
        "-- /tmp/m",
    })
    void parse_wellFormedArguments_agreesWithPicocli(String line) throws Exception {
        String[] args = line.split(" ");
        Optional<MountCommand> fast = MountArguments.parse(args);
        assertTrue(fast.isPresent(), "parsed without picocli: " + line);
        MountCommand slow = new MountCommand();
        new CommandLine(slow).parseArgs(args);
        for (Field field : MountCommand.class.getDeclaredFields()) {
            if (field.getAnnotation(CommandLine.Option.class) != null
                    || field.getAnnotation(CommandLine.Parameters.class) != null) {
                field.setAccessible(true);
                assertEquals(field.get(slow), field.get(fast.get()), field.getName() + " of " + line);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "--help",
        "-h /tmp/m",
        "--version",
        "/tmp/m /tmp/n",
        "--modules",
        "--modules --foreground /tmp/m",
        "--modules a,,b /tmp/m",
        "--modules= /tmp/m",
        "--seed soon /tmp/m",
        "--clock-rate fast /tmp/m",
        "--param novalue /tmp/m",
        "--no-such-option /tmp/m",
        "-vo allow_other /tmp/m",
        "-o=allow_other /tmp/m",
        "--foreground=true /tmp/m",
    })
    void parse_anythingElse_isLeftToPicocli(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        assertEquals(Optional.empty(), MountArguments.parse(args), line);
    }
}
