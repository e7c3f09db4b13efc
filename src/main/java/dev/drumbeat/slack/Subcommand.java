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

    /**
     * Whether answering may take longer than Slack waits for an acknowledgement, as an ask over a large catalog can:
     * then the router answers it on a worker and, when the answer is late, through the command's response_url
     * ({@link SlowCommands}). Such a subcommand opens no modal: a trigger lives only 3 s.
     */
    default boolean mayBeSlow() {
        return false;
    }
}
