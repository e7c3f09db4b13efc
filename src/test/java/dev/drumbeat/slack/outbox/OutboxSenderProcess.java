package dev.drumbeat.slack.outbox;

import com.slack.api.Slack;
import dev.drumbeat.db.Database;
import dev.drumbeat.db.DatabaseUrl;
import dev.drumbeat.slack.SlackApp;
import dev.drumbeat.support.TestDrumbeat;
import java.time.Clock;
import java.util.Optional;

/**
 * A process that does nothing but run an outbox sender against a database and a Slack stand-in, so a test can kill
 * it with SIGKILL mid-call. Arguments: the JDBC URL (user {@code postgres}, no password) and the Slack API URL.
 */
public final class OutboxSenderProcess {
    private OutboxSenderProcess() {}

    public static void main(String[] args) throws InterruptedException {
        Database database = Database.connect(new DatabaseUrl(args[0], Optional.of("postgres"), Optional.empty()));
        Slack slack = SlackApp.client(TestDrumbeat.config(args[1]));
        Clock clock = Clock.systemUTC();
        new OutboxSender(
                        database.jdbi(),
                        slack,
                        TestDrumbeat.BOT_TOKEN,
                        clock,
                        new RateLimits(RateLimitSettings.defaults(), System::nanoTime, clock),
                        OutboxSenderSettings.defaults())
                .start();
        System.out.println("sender started");
        Thread.currentThread().join(); // until killed
    }
}
