package dev.drumbeat.config;

import dev.drumbeat.db.Database;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;

/**
 * Everything Drumbeat reads from its environment, read once at start-up and never changed.
 * {@link #toString()} hides the secrets so the record can be logged.
 */
public record Config(
        String botToken,
        String signingSecret,
        Optional<String> databaseUrl,
        Path dataDir,
        int port,
        String slackApiUrl,
        Optional<String> leadershipChannel,
        Set<String> admins,
        Currency currency,
        DayOfWeek checkInDay,
        int checkInHour,
        Duration reminderDelay,
        Optional<String> publicUrl,
        Duration databaseWait,
        Capacity capacity,
        CostsIntake costsIntake,
        Monitoring monitoring) {

    public static final String SLACK_API_URL = "https://slack.com/api/";
    /** How long a request waits for a database connection before it is told the database is unavailable. */
    public static final Duration DATABASE_WAIT = Database.DEFAULT_WAIT;

    public Config {
        admins = Set.copyOf(admins);
        publicUrl = publicUrl.map(url -> url.endsWith("/") ? url : url + "/");
    }

    /** The same settings with another port, for tests and the sandbox that pick a free one. */
    public Config withPort(int newPort) {
        return new Config(
                botToken,
                signingSecret,
                databaseUrl,
                dataDir,
                newPort,
                slackApiUrl,
                leadershipChannel,
                admins,
                currency,
                checkInDay,
                checkInHour,
                reminderDelay,
                publicUrl,
                databaseWait,
                capacity,
                costsIntake,
                monitoring);
    }

    public Config withSlackApiUrl(String url) {
        return new Config(
                botToken,
                signingSecret,
                databaseUrl,
                dataDir,
                port,
                url,
                leadershipChannel,
                admins,
                currency,
                checkInDay,
                checkInHour,
                reminderDelay,
                publicUrl,
                databaseWait,
                capacity,
                costsIntake,
                monitoring);
    }

    /** The same settings with another public address, for the sandbox once its port is known. */
    public Config withPublicUrl(String url) {
        return new Config(
                botToken,
                signingSecret,
                databaseUrl,
                dataDir,
                port,
                slackApiUrl,
                leadershipChannel,
                admins,
                currency,
                checkInDay,
                checkInHour,
                reminderDelay,
                Optional.of(url),
                databaseWait,
                capacity,
                costsIntake,
                monitoring);
    }

    /** The same settings with other capacities, for tests and benchmarks. */
    public Config withCapacity(Capacity newCapacity) {
        return new Config(
                botToken,
                signingSecret,
                databaseUrl,
                dataDir,
                port,
                slackApiUrl,
                leadershipChannel,
                admins,
                currency,
                checkInDay,
                checkInHour,
                reminderDelay,
                publicUrl,
                databaseWait,
                newCapacity,
                costsIntake,
                monitoring);
    }

    /** The same settings with another data folder, for tests that keep uploads apart. */
    public Config withDataDir(Path folder) {
        return new Config(
                botToken,
                signingSecret,
                databaseUrl,
                folder,
                port,
                slackApiUrl,
                leadershipChannel,
                admins,
                currency,
                checkInDay,
                checkInHour,
                reminderDelay,
                publicUrl,
                databaseWait,
                capacity,
                costsIntake,
                monitoring);
    }

    /** The same settings with another costs folder and upload limit. */
    public Config withCostsIntake(CostsIntake intake) {
        return new Config(
                botToken,
                signingSecret,
                databaseUrl,
                dataDir,
                port,
                slackApiUrl,
                leadershipChannel,
                admins,
                currency,
                checkInDay,
                checkInHour,
                reminderDelay,
                publicUrl,
                databaseWait,
                capacity,
                intake,
                monitoring);
    }

    /** The same settings reading measured KPIs from another Prometheus. */
    public Config withMonitoring(Monitoring newMonitoring) {
        return new Config(
                botToken,
                signingSecret,
                databaseUrl,
                dataDir,
                port,
                slackApiUrl,
                leadershipChannel,
                admins,
                currency,
                checkInDay,
                checkInHour,
                reminderDelay,
                publicUrl,
                databaseWait,
                capacity,
                costsIntake,
                newMonitoring);
    }

    @Override
    public String toString() {
        return "Config[botToken=***, signingSecret=***, database="
                + databaseUrl.map(u -> "external").orElse("embedded")
                + ", dataDir=" + dataDir + ", port=" + port + ", slackApiUrl=" + slackApiUrl
                + ", leadershipChannel=" + leadershipChannel.orElse("-") + ", admins=" + admins
                + ", currency=" + currency + ", checkIn=" + checkInDay + " " + checkInHour + ":00, reminderAfter="
                + reminderDelay + ", publicUrl=" + publicUrl.orElse("-") + ", databaseWait=" + databaseWait.toMillis()
                + "ms, " + capacity + ", " + costsIntake + ", " + monitoring + "]";
    }
}
