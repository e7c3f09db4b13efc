package dev.drumbeat.bench;

import dev.drumbeat.config.Capacity;

/**
 * The ask load benchmark's command line: {@code --services} in the workspace (10,000), {@code --clients} asking at
 * once (32) for {@code --seconds} (60) after {@code --warmup} seconds not counted (10), {@code --single} asks one at a
 * time for the baseline (100), {@code --bursts} bursts (3) of {@code --clicks} simultaneous clicks (500), and
 * {@code --before-bursts} bursts (3) against the server sized as it was before the bursts were sized for
 * ({@link #BEFORE}). {@code --accept-queue}, {@code --http-threads}, {@code --db-connections}, {@code --workers},
 * {@code --queue} and {@code --patience-ms} change Drumbeat's {@link Capacity} from its defaults, to try other sizes
 * (a short patience sends most answers through the response_url).
 */
record AskLoadOptions(
        int services,
        int clients,
        int seconds,
        int warmup,
        int single,
        int clicks,
        int bursts,
        int beforeBursts,
        Capacity capacity) {

    /** The HTTP server as it was: the JVM's default accept queue of 50 and Javalin's default 250 threads. */
    static final Capacity BEFORE = new Capacity(
            50,
            250,
            Capacity.DATABASE_CONNECTIONS,
            Capacity.COMMAND_WORKERS,
            Capacity.COMMAND_QUEUE,
            Capacity.COMMAND_PATIENCE);

    static AskLoadOptions parse(String[] args) {
        AskLoadOptions options = new AskLoadOptions(10_000, 32, 60, 10, 100, 500, 3, 3, Capacity.defaults());
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            options = options.with(args[i], atLeast(args[i], args[i + 1]));
        }
        return options;
    }

    private AskLoadOptions with(String flag, int n) {
        Capacity c = capacity;
        return switch (flag) {
            case "--services" ->
                new AskLoadOptions(n, clients, seconds, warmup, single, clicks, bursts, beforeBursts, c);
            case "--clients" ->
                new AskLoadOptions(services, n, seconds, warmup, single, clicks, bursts, beforeBursts, c);
            case "--seconds" ->
                new AskLoadOptions(services, clients, n, warmup, single, clicks, bursts, beforeBursts, c);
            case "--warmup" ->
                new AskLoadOptions(services, clients, seconds, n, single, clicks, bursts, beforeBursts, c);
            case "--single" ->
                new AskLoadOptions(services, clients, seconds, warmup, n, clicks, bursts, beforeBursts, c);
            case "--clicks" ->
                new AskLoadOptions(services, clients, seconds, warmup, single, n, bursts, beforeBursts, c);
            case "--bursts" ->
                new AskLoadOptions(services, clients, seconds, warmup, single, clicks, n, beforeBursts, c);
            case "--before-bursts" ->
                new AskLoadOptions(services, clients, seconds, warmup, single, clicks, bursts, n, c);
            default -> withCapacity(flag, n);
        };
    }

    private AskLoadOptions withCapacity(String flag, int n) {
        Capacity c = capacity;
        Capacity changed = switch (flag) {
            case "--accept-queue" ->
                new Capacity(
                        n,
                        c.httpThreads(),
                        c.databaseConnections(),
                        c.commandWorkers(),
                        c.commandQueue(),
                        c.commandPatience());
            case "--http-threads" ->
                new Capacity(
                        c.acceptQueue(),
                        n,
                        c.databaseConnections(),
                        c.commandWorkers(),
                        c.commandQueue(),
                        c.commandPatience());
            case "--db-connections" ->
                new Capacity(
                        c.acceptQueue(), c.httpThreads(), n, c.commandWorkers(), c.commandQueue(), c.commandPatience());
            case "--workers" ->
                new Capacity(
                        c.acceptQueue(),
                        c.httpThreads(),
                        c.databaseConnections(),
                        n,
                        c.commandQueue(),
                        c.commandPatience());
            case "--patience-ms" -> c.withCommandPatience(java.time.Duration.ofMillis(n));
            case "--queue" ->
                new Capacity(
                        c.acceptQueue(),
                        c.httpThreads(),
                        c.databaseConnections(),
                        c.commandWorkers(),
                        n,
                        c.commandPatience());
            default ->
                throw new IllegalArgumentException("unknown option " + flag + "; use --services N --clients N"
                        + " --seconds N --warmup N --single N --clicks N --bursts N --before-bursts N"
                        + " --accept-queue N --http-threads N --db-connections N --workers N --queue N"
                        + " --patience-ms N");
        };
        return new AskLoadOptions(services, clients, seconds, warmup, single, clicks, bursts, beforeBursts, changed);
    }

    private static int atLeast(String flag, String value) {
        int number = Integer.parseInt(value);
        if (number < 0) {
            throw new IllegalArgumentException(flag + " must be 0 or more, not " + value);
        }
        return number;
    }
}
