package dev.drumbeat.slack;

import java.util.UUID;

/**
 * What a person is told when Drumbeat itself failed: a plain sentence with a short reference that is also in the
 * log beside the stack trace, so an admin can find it; never the stack trace.
 */
public final class Failures {
    /** What a person is told while Drumbeat's database cannot be reached: nothing was done, and it passes. */
    public static final String DATABASE_UNAVAILABLE = "Drumbeat's database is unavailable, try again in a minute.";
    /** The {@code Retry-After}, in seconds, that HTTP callers get with a 503 while the database cannot be reached. */
    public static final String DATABASE_RETRY_AFTER_SECONDS = "30";

    private Failures() {}

    /** A fresh reference to log with the failure and show to the person. */
    public static String reference() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public static String sentence(String reference) {
        return "Something went wrong on Drumbeat's side and nothing was changed. Please try again; if it keeps"
                + " happening, tell an admin the reference `" + reference + "`.";
    }
}
