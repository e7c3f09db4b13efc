package dev.drumbeat.feature;

import com.slack.api.Slack;
import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.config.Config;
import dev.drumbeat.core.Money;
import dev.drumbeat.core.Periods;
import dev.drumbeat.slack.SlackApp;
import dev.drumbeat.slack.outbox.Outbox;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * What every feature may build its parts from: the settings, the database, the clock, the Slack outbox and client,
 * the audit log, the check-in periods and the workspace's money format. Holds no state of its own.
 */
public record Shared(
        Config config,
        Jdbi jdbi,
        Clock clock,
        Outbox outbox,
        Slack slack,
        AuditLog audit,
        Periods periods,
        Money money) {

    public static Shared of(Config config, Jdbi jdbi, Clock clock) {
        return new Shared(
                config,
                jdbi,
                clock,
                new Outbox(clock),
                SlackApp.client(config),
                new AuditLog(clock),
                new Periods(config.checkInDay(), config.checkInHour()),
                new Money(config.currency()));
    }
}
