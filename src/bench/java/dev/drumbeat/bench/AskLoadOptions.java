package dev.drumbeat.bench;

/**
 * The ask load benchmark's command line: {@code --services} in the workspace (10,000), {@code --clients} asking at
 * once (32) for {@code --seconds} (60) after {@code --warmup} seconds not counted (10), {@code --single} asks one at a
 * time for the baseline (100), and {@code --bursts} bursts (3) of {@code --clicks} simultaneous clicks (500).
 */
record AskLoadOptions(int services, int clients, int seconds, int warmup, int single, int clicks, int bursts) {

    static AskLoadOptions parse(String[] args) {
        AskLoadOptions options = new AskLoadOptions(10_000, 32, 60, 10, 100, 500, 3);
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            options = options.with(args[i], atLeast(args[i], args[i + 1]));
        }
        return options;
    }

    private AskLoadOptions with(String flag, int n) {
        return switch (flag) {
            case "--services" -> new AskLoadOptions(n, clients, seconds, warmup, single, clicks, bursts);
            case "--clients" -> new AskLoadOptions(services, n, seconds, warmup, single, clicks, bursts);
            case "--seconds" -> new AskLoadOptions(services, clients, n, warmup, single, clicks, bursts);
            case "--warmup" -> new AskLoadOptions(services, clients, seconds, n, single, clicks, bursts);
            case "--single" -> new AskLoadOptions(services, clients, seconds, warmup, n, clicks, bursts);
            case "--clicks" -> new AskLoadOptions(services, clients, seconds, warmup, single, n, bursts);
            case "--bursts" -> new AskLoadOptions(services, clients, seconds, warmup, single, clicks, n);
            default ->
                throw new IllegalArgumentException("unknown option " + flag + "; use --services N --clients N"
                        + " --seconds N --warmup N --single N --clicks N --bursts N");
        };
    }

    private static int atLeast(String flag, String value) {
        int number = Integer.parseInt(value);
        if (number < 0) {
            throw new IllegalArgumentException(flag + " must be 0 or more, not " + value);
        }
        return number;
    }
}
