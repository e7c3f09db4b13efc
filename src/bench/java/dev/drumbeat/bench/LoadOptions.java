package dev.drumbeat.bench;

import java.net.URI;
import java.util.Optional;

/**
 * The benchmark's command line: {@code --rate} requests a second, {@code --seconds} measured,
 * {@code --warmup} seconds sent first and not counted, and {@code --url} to aim at a Drumbeat that is
 * already running (signed with {@code --secret}, the demo's by default) instead of starting the demo.
 */
record LoadOptions(int rate, int seconds, int warmup, Optional<URI> url, Optional<String> secret) {

    static LoadOptions parse(String[] args) {
        LoadOptions options = new LoadOptions(200, 30, 5, Optional.empty(), Optional.empty());
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            options = options.with(args[i], args[i + 1]);
        }
        return options;
    }

    private LoadOptions with(String flag, String value) {
        return switch (flag) {
            case "--rate" -> new LoadOptions(atLeast(1, flag, value), seconds, warmup, url, secret);
            case "--seconds" -> new LoadOptions(rate, atLeast(1, flag, value), warmup, url, secret);
            case "--warmup" -> new LoadOptions(rate, seconds, atLeast(0, flag, value), url, secret);
            case "--url" -> new LoadOptions(rate, seconds, warmup, Optional.of(URI.create(value)), secret);
            case "--secret" -> new LoadOptions(rate, seconds, warmup, url, Optional.of(value));
            default ->
                throw new IllegalArgumentException("unknown option " + flag
                        + "; use --rate N --seconds N --warmup N [--url http://host:port [--secret S]]");
        };
    }

    private static int atLeast(int least, String flag, String value) {
        int number = Integer.parseInt(value);
        if (number < least) {
            throw new IllegalArgumentException(flag + " must be at least " + least + ", not " + value);
        }
        return number;
    }

    int warmupRequests() {
        return warmup * rate;
    }

    int totalRequests() {
        return (warmup + seconds) * rate;
    }
}
