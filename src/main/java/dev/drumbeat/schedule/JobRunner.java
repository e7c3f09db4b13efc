package dev.drumbeat.schedule;

/** Fires a scheduled job now, by its name, on whichever instance of the cluster takes it. */
public interface JobRunner {
    void runJobNow(String name);
}
