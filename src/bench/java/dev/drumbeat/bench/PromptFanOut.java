package dev.drumbeat.bench;

import dev.drumbeat.checkin.prompt.PromptService;
import dev.drumbeat.core.Periods;
import dev.drumbeat.db.Database;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import dev.drumbeat.sandbox.standin.SlackStandInCall;
import dev.drumbeat.slack.SlackApp;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.slack.outbox.OutboxSender;
import dev.drumbeat.slack.outbox.OutboxSenderSettings;
import dev.drumbeat.slack.outbox.RateLimitSettings;
import dev.drumbeat.slack.outbox.RateLimits;
import dev.drumbeat.support.TestDatabase;
import dev.drumbeat.support.TestDrumbeat;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The weekly fan-out under Slack's limits: 5,000 owners are due at once, their prompts are queued by the
 * real sweep and sent by the real outbox sender to the Slack stand-in, which enforces a workspace budget
 * (100 messages/s) and one message per second per channel, answering 429 beyond them. Reports the total
 * time against the floor (owners ÷ allowed rate), messages lost and duplicated, 429s received, and the
 * process's peak memory. Run: {@code mvn -B -Pbench test-compile exec:java -Dbench.main=dev.drumbeat.bench.PromptFanOut}.
 */
public final class PromptFanOut {
    private static final String TEAM = SlackStandIn.TEAM_ID;
    private static final int RATE = 100;

    private PromptFanOut() {}

    public static void main(String[] args) throws Exception {
        int owners = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        System.out.println("Date: " + Instant.now() + "\nMachine: " + Machine.describe());
        Clock clock =
                Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), Instant.parse("2027-03-16T00:00:00Z")));
        try (Database database = TestDatabase.fresh();
                SlackStandIn slack = SlackStandIn.start(TestDrumbeat.BOT_TOKEN, SlackStandIn.manifestScopes())) {
            seed(database, owners);
            slack.enforceRateLimits(RATE, 1);
            long queued = time(() -> new PromptService(
                            database.jdbi(),
                            new Outbox(clock),
                            new Periods(DayOfWeek.MONDAY, 9),
                            Duration.ofHours(24),
                            clock)
                    .sendDuePrompts());
            System.out.printf("Queued %d prompts in %d ms (one sweep)%n", count(database, "true"), queued);
            long started = System.nanoTime();
            try (OutboxSender sender = sender(database, slack, clock).start()) {
                awaitDrained(database, owners);
            }
            report(database, slack, owners, (System.nanoTime() - started) / 1e9);
        }
    }

    private static OutboxSender sender(Database database, SlackStandIn slack, Clock clock) {
        return new OutboxSender(
                database.jdbi(),
                SlackApp.client(TestDrumbeat.config(slack.apiUrl())),
                TestDrumbeat.BOT_TOKEN,
                clock,
                new RateLimits(RateLimitSettings.defaults(), System::nanoTime, clock),
                OutboxSenderSettings.defaults());
    }

    /** One owner a service, {@code U00000001} on, spread over four time zones. */
    static void seed(Database database, int owners) {
        database.jdbi().useHandle(h -> {
            h.execute("insert into workspaces (team_id, name) values (?, 'Fan-out')", TEAM);
            h.execute("""
                    insert into people (team_id, user_id, name, tz)
                    select ?, 'U' || lpad(g::text, 8, '0'), 'owner' || g,
                           (array['America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Sydney'])[1 + g % 4]
                      from generate_series(1, ?) g""", TEAM, owners);
            h.execute("""
                    insert into services (team_id, key, name, tier, owner_id, unit_cost, monthly_demand, monthly_value)
                    select ?, 'svc-' || g, 'Service ' || g, 'core', 'U' || lpad(g::text, 8, '0'), 1, 1, 1
                      from generate_series(1, ?) g""", TEAM, owners);
        });
    }

    private static void awaitDrained(Database database, int owners) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (count(database, "state in ('pending', 'sending')") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static void report(Database database, SlackStandIn slack, int owners, double seconds) {
        Map<Object, Long> perChannel = slack.calls("chat.postMessage").stream()
                .filter(SlackStandInCall::ok)
                .collect(Collectors.groupingBy(c -> c.args().get("channel"), Collectors.counting()));
        long duplicated = perChannel.values().stream()
                .filter(n -> n > 1)
                .mapToLong(n -> n - 1)
                .sum();
        long lost = owners - perChannel.size();
        double floor = owners / (double) RATE;
        System.out.printf(
                "%n| owners | total s | floor s | total / floor | lost | duplicated | 429s received | dead | peak RSS MiB |%n");
        System.out.printf("|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n");
        System.out.printf(
                "| %d | %.1f | %.1f | %.3f | %d | %d | %d | %d | %d |%n",
                owners,
                seconds,
                floor,
                seconds / floor,
                lost,
                duplicated,
                slack.rateLimitedCount(),
                count(database, "state = 'dead'"),
                peakRssMiB());
        System.out.printf(
                "%nTarget total <= 1.15 x floor: %s; none lost: %s; none duplicated: %s%n",
                seconds <= 1.15 * floor ? "met" : "MISSED",
                lost == 0 ? "met" : "MISSED",
                duplicated == 0 ? "met" : "MISSED");
    }

    private static int count(Database database, String where) {
        return database.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from slack_outbox where " + where)
                        .mapTo(Integer.class)
                        .one());
    }

    private static long time(Runnable work) {
        long started = System.nanoTime();
        work.run();
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** The resident set's high-water mark of this JVM (VmHWM), which includes everything the heap figures miss. */
    private static long peakRssMiB() {
        try {
            return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmHWM"))
                    .findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024)
                    .orElse(-1L);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
