package dev.drumbeat.feature;

import dev.drumbeat.schedule.Scheduling;
import dev.drumbeat.slack.CommandRouter;
import dev.drumbeat.slack.Interactions;
import dev.drumbeat.slack.Subcommand;
import dev.drumbeat.slack.outbox.OutboxDeadLetters;
import io.javalin.config.JavalinConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.quartz.Job;

/**
 * What the features declare, gathered for the composition root: subcommands go to the `/drumbeat` router, Slack
 * handlers to the interaction boundary, settings sections to the one `/drumbeat settings`, and routes, jobs,
 * dead-letter handlers and things to stop are kept in the order they were declared. Not thread-safe: features
 * contribute once, at start.
 */
public final class Contributions {
    private final CommandRouter commands;
    private final Interactions interactions;
    private final List<Consumer<JavalinConfig>> routes = new ArrayList<>();
    private final List<Scheduling.Recurring> jobs = new ArrayList<>();
    private final List<OutboxDeadLetters> deadLetters = new ArrayList<>();
    private final List<AutoCloseable> running = new ArrayList<>();
    private final SettingsCommand settings = new SettingsCommand();

    public Contributions(CommandRouter commands, Interactions interactions) {
        this.commands = commands;
        this.interactions = interactions;
    }

    /** The `/drumbeat` router, for listeners that add their subcommands themselves. */
    public CommandRouter commands() {
        return commands;
    }

    /** The boundary every button, modal submission and event handler is registered through. */
    public Interactions interactions() {
        return interactions;
    }

    public Contributions command(Subcommand subcommand) {
        commands.add(subcommand);
        return this;
    }

    /**
     * A section of `/drumbeat settings`. The first section declared adds the command, so `/drumbeat help` lists it
     * where that feature declares its subcommands; later sections join the same overview.
     */
    public Contributions settings(SettingsSection section) {
        if (settings.isEmpty()) {
            commands.add(settings);
        }
        settings.add(section);
        return this;
    }

    public Contributions routes(Consumer<JavalinConfig> registration) {
        routes.add(registration);
        return this;
    }

    /** A job Quartz runs every {@code every} on one instance of the cluster. */
    public Contributions job(String name, Class<? extends Job> type, Supplier<? extends Job> factory, Duration every) {
        jobs.add(new Scheduling.Recurring(name, type, factory, every));
        return this;
    }

    public Contributions deadLetters(OutboxDeadLetters handler) {
        deadLetters.add(handler);
        return this;
    }

    /** Something the feature started that must be closed when Drumbeat stops, returned for chaining. */
    public <T extends AutoCloseable> T running(T started) {
        running.add(started);
        return started;
    }

    public List<Consumer<JavalinConfig>> declaredRoutes() {
        return List.copyOf(routes);
    }

    public List<Scheduling.Recurring> declaredJobs() {
        return List.copyOf(jobs);
    }

    public List<OutboxDeadLetters> declaredDeadLetters() {
        return List.copyOf(deadLetters);
    }

    public List<AutoCloseable> declaredRunning() {
        return List.copyOf(running);
    }
}
