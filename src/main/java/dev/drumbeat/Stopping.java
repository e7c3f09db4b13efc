package dev.drumbeat;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops running parts one after another, in the order given, each even when one before it failed (that failure is
 * one line in the log). Each step is logged at DEBUG, so a stop that hangs shows where. Not thread-safe.
 */
final class Stopping {
    private static final Logger log = LoggerFactory.getLogger(Stopping.class);
    private final List<Step> steps = new ArrayList<>();

    private record Step(String name, AutoCloseable part) {}

    /** Adds a part to stop after those already given; returns this. */
    Stopping then(String name, AutoCloseable part) {
        steps.add(new Step(name, part));
        return this;
    }

    void run() {
        for (Step step : steps) {
            log.debug("stopping {}", step.name());
            try {
                step.part().close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.warn("stopping {} was interrupted", step.name());
            } catch (Exception e) {
                log.warn("could not stop {} cleanly: {}", step.name(), e.toString());
            }
        }
    }
}
