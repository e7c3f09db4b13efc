package dev.drumbeat.config;

import dev.drumbeat.db.Database;
import dev.drumbeat.db.DatabaseUrl;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads {@link Config} from environment variables and fails fast, naming the variable at fault. */
public final class ConfigLoader {
    private static final Duration LONGEST_DATABASE_WAIT = Duration.ofSeconds(30);
    private static final Pattern SIZE = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*(?:([KMGT])(I?)(B?)|B)?");
    private final Map<String, String> env;

    public ConfigLoader(Map<String, String> env) {
        this.env = env;
    }

    public Config load() {
        return new Config(
                required("SLACK_BOT_TOKEN", ConfigLoader::botToken),
                required("SLACK_SIGNING_SECRET", Function.identity()),
                optional("DATABASE_URL").map(url -> parse("DATABASE_URL", url, ConfigLoader::databaseUrl)),
                Path.of(optional("DRUMBEAT_DATA_DIR").orElse(".drumbeat/data")),
                parsed("PORT", "3000", ConfigLoader::port),
                parsed("DRUMBEAT_SLACK_API_URL", Config.SLACK_API_URL, ConfigLoader::apiUrl),
                optional("DRUMBEAT_LEADERSHIP_CHANNEL")
                        .map(id -> parse("DRUMBEAT_LEADERSHIP_CHANNEL", id, ConfigLoader::channelId)),
                parsed("DRUMBEAT_ADMINS", "", ConfigLoader::userIds),
                parsed("DRUMBEAT_CURRENCY", "USD", ConfigLoader::currency),
                parsed("DRUMBEAT_CHECKIN_DAY", "MONDAY", ConfigLoader::day),
                parsed("DRUMBEAT_CHECKIN_HOUR", "9", ConfigLoader::hour),
                parsed("DRUMBEAT_REMINDER_HOURS", "24", ConfigLoader::reminderDelay),
                optional("DRUMBEAT_PUBLIC_URL").map(url -> parse("DRUMBEAT_PUBLIC_URL", url, ConfigLoader::apiUrl)),
                parsed(
                        "DRUMBEAT_DATABASE_WAIT_MS",
                        Long.toString(Config.DATABASE_WAIT.toMillis()),
                        ConfigLoader::databaseWait),
                capacity(),
                costsIntake(),
                monitoring());
    }

    /** Prometheus, or a server speaking its query API, if KPIs are to be measured; its credentials are secrets. */
    public Monitoring monitoring() {
        Optional<URI> url = optional("DRUMBEAT_PROMETHEUS_URL")
                .map(value -> parse("DRUMBEAT_PROMETHEUS_URL", value, ConfigLoader::prometheusUrl));
        Optional<String> bearer = optional("DRUMBEAT_PROMETHEUS_BEARER_TOKEN");
        Optional<String> user = optional("DRUMBEAT_PROMETHEUS_USER");
        Optional<String> password = optional("DRUMBEAT_PROMETHEUS_PASSWORD");
        if (bearer.isPresent() && user.isPresent()) {
            throw new ConfigException("DRUMBEAT_PROMETHEUS_BEARER_TOKEN and DRUMBEAT_PROMETHEUS_USER are both set;"
                    + " Prometheus takes one kind of credential: keep the one it is configured for");
        }
        if (user.isPresent() != password.isPresent()) {
            throw new ConfigException(
                    "DRUMBEAT_PROMETHEUS_USER and DRUMBEAT_PROMETHEUS_PASSWORD go together: set both, or neither");
        }
        if ((bearer.isPresent() || user.isPresent()) && url.isEmpty()) {
            throw new ConfigException("Prometheus credentials are set but DRUMBEAT_PROMETHEUS_URL is not");
        }
        Optional<String> authorization = bearer.map(token -> "Bearer " + token)
                .or(() -> user.map(u -> "Basic "
                        + Base64.getEncoder()
                                .encodeToString((u + ":" + password.orElseThrow()).getBytes(StandardCharsets.UTF_8))));
        return new Monitoring(
                url,
                authorization,
                Duration.ofMillis(parsed(
                        "DRUMBEAT_PROMETHEUS_TIMEOUT_MS",
                        Long.toString(Monitoring.TIMEOUT.toMillis()),
                        between(100, 120_000))),
                parsed("DRUMBEAT_PROMETHEUS_CONCURRENCY", Integer.toString(Monitoring.CONCURRENCY), between(1, 256)));
    }

    /** The folder scanned for synced exports, if any, and the most one upload may carry. */
    private CostsIntake costsIntake() {
        return new CostsIntake(
                optional("DRUMBEAT_COSTS_DIR").map(dir -> parse("DRUMBEAT_COSTS_DIR", dir, ConfigLoader::folder)),
                parsed(
                        "DRUMBEAT_COSTS_MAX_UPLOAD",
                        Long.toString(CostsIntake.MAX_UPLOAD),
                        value -> size(value, " such as 2GiB, 500MB or 1048576 (bytes)")));
    }

    /** Sized for bursts by default; each can be set for a larger machine. */
    private Capacity capacity() {
        return new Capacity(
                parsed("DRUMBEAT_HTTP_ACCEPT_QUEUE", Integer.toString(Capacity.ACCEPT_QUEUE), between(1, 65_535)),
                parsed("DRUMBEAT_HTTP_THREADS", Integer.toString(Capacity.HTTP_THREADS), between(8, 1_000)),
                parsed(
                        "DRUMBEAT_DATABASE_CONNECTIONS",
                        Integer.toString(Capacity.DATABASE_CONNECTIONS),
                        between(2, 500)),
                parsed("DRUMBEAT_COMMAND_WORKERS", Integer.toString(Capacity.COMMAND_WORKERS), between(1, 256)),
                parsed("DRUMBEAT_COMMAND_QUEUE", Integer.toString(Capacity.COMMAND_QUEUE), between(0, 10_000)),
                Capacity.COMMAND_PATIENCE);
    }

    private Optional<String> optional(String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private <T> T required(String name, Function<String, T> parse) {
        String value = optional(name).orElseThrow(() -> new ConfigException(name + " is not set"));
        return parse(name, value, parse);
    }

    private <T> T parsed(String name, String fallback, Function<String, T> parse) {
        return parse(name, optional(name).orElse(fallback), parse);
    }

    private static <T> T parse(String name, String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " is malformed: '" + value + "' is not a whole number");
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? "not understood" : e.getMessage();
            throw new ConfigException(name + " is malformed: " + reason);
        }
    }

    private static String botToken(String value) {
        if (!value.startsWith("xoxb-")) {
            throw new IllegalArgumentException("a bot token starts with xoxb-");
        }
        return value;
    }

    private static String channelId(String value) {
        if (!value.matches("[CG][A-Z0-9]{2,}")) {
            throw new IllegalArgumentException("'" + value + "' is not a channel id (C…); in Slack, open the"
                    + " channel's details: its id is at the bottom of the About tab");
        }
        return value;
    }

    private static Currency currency(String value) {
        try {
            return Currency.getInstance(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "'" + value + "' is not a currency code; use an ISO 4217 code such as USD, EUR or GBP");
        }
    }

    private static DayOfWeek day(String value) {
        return Arrays.stream(DayOfWeek.values())
                .filter(day -> day.name().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not a day; use "
                        + Arrays.stream(DayOfWeek.values())
                                .limit(6)
                                .map(DayOfWeek::name)
                                .collect(Collectors.joining(", "))
                        + " or SUNDAY"));
    }

    private static String databaseUrl(String value) {
        DatabaseUrl.parse(value);
        return value;
    }

    private static int port(String value) {
        int port = Integer.parseInt(value);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("a port is between 0 and 65535");
        }
        return port;
    }

    private static Function<String, Integer> between(int least, int most) {
        return value -> {
            int number = Integer.parseInt(value);
            if (number < least || number > most) {
                throw new IllegalArgumentException("expected " + least + " to " + most + ", not " + number);
            }
            return number;
        };
    }

    private static int hour(String value) {
        int hour = Integer.parseInt(value);
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("an hour is between 0 and 23");
        }
        return hour;
    }

    private static Duration reminderDelay(String value) {
        int hours = Integer.parseInt(value);
        if (hours < 1 || hours > 144) {
            throw new IllegalArgumentException("the reminder comes 1 to 144 hours after the prompt");
        }
        return Duration.ofHours(hours);
    }

    private static Duration databaseWait(String value) {
        Duration wait = Duration.ofMillis(Long.parseLong(value));
        if (wait.compareTo(Database.SHORTEST_WAIT) < 0 || wait.compareTo(LONGEST_DATABASE_WAIT) > 0) {
            throw new IllegalArgumentException("the wait for a database connection is "
                    + Database.SHORTEST_WAIT.toMillis() + " to " + LONGEST_DATABASE_WAIT.toMillis() + " milliseconds");
        }
        return wait;
    }

    private static Path folder(String value) {
        Path folder = Path.of(value);
        if (Files.isRegularFile(folder)) {
            throw new IllegalArgumentException(value + " is a file, not a folder");
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("there is no folder " + value
                    + "; create it, or point the setting at the folder where the exports are synced");
        }
        return folder;
    }

    /** A size in bytes, or with a unit: KB, MB, GB, TB count in thousands; K, M, G, T and KiB… in 1024s. */
    private static long size(String value, String example) {
        Matcher size = SIZE.matcher(value.strip());
        if (!size.matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a size; write one" + example);
        }
        String unit = size.group(2);
        int power = unit == null ? 0 : "KMGT".indexOf(unit.toUpperCase(Locale.ROOT)) + 1;
        boolean thousands =
                unit != null && size.group(3).isEmpty() && !size.group(4).isEmpty();
        BigDecimal bytes = new BigDecimal(size.group(1))
                .multiply(BigDecimal.valueOf(thousands ? 1000 : 1024).pow(power));
        if (bytes.compareTo(BigDecimal.ONE) < 0 || bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("'" + value + "' is not a size Drumbeat can use; write one" + example);
        }
        return bytes.setScale(0, RoundingMode.DOWN).longValueExact();
    }

    /** A plain address: credentials in it would be shown wherever a failure names Prometheus, so they go elsewhere. */
    private static URI prometheusUrl(String value) {
        URI url = URI.create(apiUrl(value));
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the address holds a user name or password; set them in"
                    + " DRUMBEAT_PROMETHEUS_USER and DRUMBEAT_PROMETHEUS_PASSWORD (or DRUMBEAT_PROMETHEUS_BEARER_TOKEN)"
                    + " instead");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("the address has a query (?…) or fragment (#…); give only where the"
                    + " query API is served, such as http://prometheus:9090/ or https://…/api/prom");
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("the address names no host");
        }
        return url;
    }

    private static String apiUrl(String value) {
        if (!value.startsWith("http://") && !value.startsWith("https://")) {
            throw new IllegalArgumentException("expected an http(s) URL");
        }
        return value.endsWith("/") ? value : value + "/";
    }

    private static Set<String> userIds(String value) {
        Set<String> ids =
                Arrays.stream(value.split("[,\\s]+")).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        ids.stream().filter(id -> !id.matches("[UW][A-Z0-9]{2,}")).findFirst().ifPresent(bad -> {
            throw new IllegalArgumentException("'" + bad + "' is not a Slack user id (like U024BE7LH)");
        });
        return ids;
    }
}
