package dev.drumbeat.support;

import dev.drumbeat.checkin.prompt.PromptService;
import dev.drumbeat.core.Money;
import dev.drumbeat.core.Periods;
import dev.drumbeat.digest.DigestSection;
import dev.drumbeat.digest.DigestService;
import dev.drumbeat.escalation.EscalationService;
import dev.drumbeat.escalation.EscalationServiceRules;
import dev.drumbeat.slack.outbox.Outbox;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Currency;
import java.util.Optional;

/**
 * The weekly sweeps as a test runs them by hand, on the extension's database and clock with the default schedule
 * (Monday 09:00, a day before the reminder), so a test moves the clock and sweeps instead of waiting for Quartz.
 */
public final class Sweeps {
    private static final Periods PERIODS = new Periods(DayOfWeek.MONDAY, 9);

    private Sweeps() {}

    public static PromptService prompts(DrumbeatExtension drumbeat) {
        return new PromptService(
                drumbeat.jdbi(), new Outbox(drumbeat.clock()), PERIODS, Duration.ofHours(24), drumbeat.clock());
    }

    /** The weekly leadership digest in USD to {@code leadershipChannel}, with {@code section} as its last reply. */
    public static DigestService digests(DrumbeatExtension drumbeat, String leadershipChannel, DigestSection section) {
        return new DigestService(
                drumbeat.jdbi(),
                new Outbox(drumbeat.clock()),
                PERIODS,
                Optional.of(leadershipChannel),
                new Money(Currency.getInstance("USD")),
                drumbeat.clock(),
                section);
    }

    /** The escalation ladder, climbing to {@code leadershipChannel}. */
    public static EscalationService escalations(DrumbeatExtension drumbeat, String leadershipChannel) {
        return new EscalationService(
                drumbeat.jdbi(),
                new Outbox(drumbeat.clock()),
                Optional.of(leadershipChannel),
                new EscalationServiceRules(PERIODS),
                drumbeat.clock());
    }
}
