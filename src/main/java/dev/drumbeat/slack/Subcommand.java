package dev.drumbeat.slack;

/** One `/drumbeat <name> …` action, registered by the feature that owns it. */
public interface Subcommand {

    /** The first word, such as {@code status}. */
    String name();

    /** How to call it, such as {@code status <service>}. */
    String usage();

    /** One line saying what it does, for help. */
    String summary();

    Reply handle(CommandRequest request);
}
