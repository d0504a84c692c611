package org.uprocfs.providers.hardware.model;

import java.util.List;

/** One character or block major number and the driver regions registered on it, as /proc/devices lists them. */
public record DeviceMajor(int major, List<String> names) {

    public DeviceMajor {
        names = names == null ? List.of() : List.copyOf(names);
    }
}
