package dev.drumbeat.support;

import dev.drumbeat.config.Capacity;
import dev.drumbeat.config.Config;
import dev.drumbeat.config.CostsIntake;
import dev.drumbeat.config.Monitoring;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;

/**
 * The test workspace: its team, the secrets Slack and Drumbeat share in tests, the configured admin, and the config
 * a test Drumbeat runs with. {@link DrumbeatExtension} starts one; the benchmarks use the same.
 */
public final class TestDrumbeat {
    public static final String TEAM = "T0DRUMBEAT";
    public static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    public static final String BOT_TOKEN = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy";
    public static final String ADMIN = "U0ADMIN01";

    private TestDrumbeat() {}

    /** Check-ins due Mondays at 09:00, leadership in C0LEADERS, {@link #ADMIN} the one admin, dollars. */
    public static Config config(String slackApiUrl) {
        return new Config(
                BOT_TOKEN,
                SIGNING_SECRET,
                Optional.empty(),
                Path.of("target/unused"),
                0,
                slackApiUrl,
                Optional.of("C0LEADERS"),
                Set.of(ADMIN),
                Currency.getInstance("USD"),
                DayOfWeek.MONDAY,
                9,
                Duration.ofHours(24),
                Optional.empty(),
                Config.DATABASE_WAIT,
                Capacity.defaults(),
                CostsIntake.defaults(),
                Monitoring.none());
    }
}
