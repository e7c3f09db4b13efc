package dev.drumbeat.feature;

/**
 * One of Drumbeat's capabilities, as the composition root sees it: built with {@code new} from the {@link Shared}
 * context and the named links it needs from other features, it declares what it adds to the running bot.
 */
public interface Feature {

    /** Declares the feature's subcommands, Slack handlers, HTTP routes, jobs and outbox dead-letter handlers. */
    void contribute(Contributions contributions);
}
