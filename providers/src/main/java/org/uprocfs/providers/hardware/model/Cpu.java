package org.uprocfs.providers.hardware.model;

/** One logical CPU's place in the topology, as the cpuinfo topology rows show it. */
public record Cpu(int processor, int physicalId, int coreId, int siblings, int cpuCores, int apicid) {
}
