package org.uprocfs.providers.hardware.model;

/** An ISA DMA channel taken by a driver, as /proc/dma lists it. */
public record DmaChannel(int channel, String name) {
}
