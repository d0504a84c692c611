package org.uprocfs.providers.hardware.model;

import java.util.List;

/**
 * One device interrupt: number, chip, hardware irq (null when the chip has no domain), flow handler name
 * ({@code edge}, {@code fasteoi}), the actions registered on it, its rate per second and the CPU it is
 * routed to ({@code -1} spreads it over all CPUs).
 */
public record IrqLine(int irq, String chip, Long hwirq, String handler, List<String> actions, double rate, int cpu) {

    public IrqLine {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
