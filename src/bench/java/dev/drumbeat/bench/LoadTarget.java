package dev.drumbeat.bench;

/** Something a {@link FixedRateLoad} fires at: it makes the {@code index}-th request when it is due. */
interface LoadTarget {

    /** The name in the results table. */
    String name();

    /** Builds request {@code index}, at the moment it is sent (so a signature is fresh). */
    Shot shot(int index);
}
