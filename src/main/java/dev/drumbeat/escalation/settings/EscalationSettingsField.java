package dev.drumbeat.escalation.settings;

import dev.drumbeat.core.UserError;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The settings `/drumbeat settings` can change: the word that names each, how its value reads in words and as
 * a command, and how a typed value becomes new settings. Ranges are the table's CHECK constraints.
 */
enum EscalationSettingsField {
    GRACE(
            "grace",
            "72h",
            "hours after its check-in day before a service is stale, 0 to 336 (or days: `3d`)",
            "A service is stale %s after its check-in day",
            s -> hours(s.graceHours()),
            s -> s.graceHours() + "h",
            (s, text) -> s.withGraceHours(EscalationSettingsValues.hours("grace", text, 0, 336))),
    RED_STREAK(
            "red-streak",
            "3",
            "weeks red in a row before a service escalates, 1 to 52",
            "Red %s in a row escalates",
            s -> weeks(s.redStreak()),
            s -> String.valueOf(s.redStreak()),
            (s, text) -> s.withRedStreak(EscalationSettingsValues.weeks("red-streak", text, 1, 52))),
    KPI_WEEKS(
            "kpi-weeks",
            "4",
            "weeks a KPI is off target in a row before it escalates, 1 to 52",
            "A KPI off target %s in a row escalates",
            s -> weeks(s.kpiWeeks()),
            s -> String.valueOf(s.kpiWeeks()),
            (s, text) -> s.withKpiWeeks(EscalationSettingsValues.weeks("kpi-weeks", text, 1, 52))),
    TEAM_AFTER(
            "team-after",
            "24h",
            "hours from opening until an escalation reaches the team, 1 to 720",
            "Escalations reach the team after %s",
            s -> hours(s.teamAfterHours()),
            s -> s.teamAfterHours() + "h",
            EscalationSettingsField::teamAfter),
    LEADERSHIP_AFTER(
            "leadership-after",
            "5d",
            "hours from opening until an escalation reaches leadership, 1 to 1440 and later than `team-after`",
            "Escalations reach leadership after %s",
            s -> hours(s.leadershipAfterHours()),
            s -> s.leadershipAfterHours() + "h",
            EscalationSettingsField::leadershipAfter),
    DIGEST(
            "digest",
            "friday 16:00 Europe/London",
            "the day, hour and (optionally) time zone of the leadership digest",
            "The leadership digest goes out %s",
            EscalationSettingsField::digestWords,
            EscalationSettingsField::digestCommand,
            EscalationSettingsField::digest),
    DRIFT_TREND(
            "drift-trend",
            "12%",
            "how far above the months before a service's cost may climb, rising three months running, before it is"
                    + " cost drift; whole per cent from 1 to 100",
            "A service's cost rising three months running to %s above the months before is cost drift",
            s -> s.costs().driftTrendPercent() + "%",
            s -> s.costs().driftTrendPercent() + "%",
            (s, text) -> s.withCosts(
                    s.costs().withDriftTrendPercent(EscalationSettingsValues.percent("drift-trend", text, 100)))),
    DRIFT_SPIKE(
            "drift-spike",
            "30%",
            "how far above the three months before it one month's cost may jump before it is cost drift; whole per cent"
                    + " from 1 to 1000",
            "A service's cost jumping %s above the three months before in one month is cost drift",
            s -> s.costs().driftSpikePercent() + "%",
            s -> s.costs().driftSpikePercent() + "%",
            (s, text) -> s.withCosts(
                    s.costs().withDriftSpikePercent(EscalationSettingsValues.percent("drift-spike", text, 1000)))),
    UNALLOCATED(
            "unallocated",
            "10%",
            "the share of a month's bill no allocation rule may leave before it goes to leadership; whole per cent from"
                    + " 1 to 100",
            "Spend no allocation rule takes goes to leadership when it is over %s of a month's bill",
            s -> s.costs().unallocatedPercent() + "%",
            s -> s.costs().unallocatedPercent() + "%",
            (s, text) -> s.withCosts(
                    s.costs().withUnallocatedPercent(EscalationSettingsValues.percent("unallocated", text, 100))));

    private final String word;
    private final String example;
    private final String about;
    private final String sentence;
    private final Function<EscalationSettings, String> words;
    private final Function<EscalationSettings, String> value;
    private final BiFunction<EscalationSettings, String, EscalationSettings> apply;

    EscalationSettingsField(
            String word,
            String example,
            String about,
            String sentence,
            Function<EscalationSettings, String> words,
            Function<EscalationSettings, String> value,
            BiFunction<EscalationSettings, String, EscalationSettings> apply) {
        this.word = word;
        this.example = example;
        this.about = about;
        this.sentence = sentence;
        this.words = words;
        this.value = value;
        this.apply = apply;
    }

    static Optional<EscalationSettingsField> named(String typed) {
        return Arrays.stream(values())
                .filter(f -> f.word.equalsIgnoreCase(typed.strip()))
                .findFirst();
    }

    String word() {
        return word;
    }

    /** What the setting is for, with its range, for the list of settings. */
    String about() {
        return about;
    }

    /** The command that sets it to {@code example}, such as {@code /drumbeat settings grace 72h}. */
    String example() {
        return command(example);
    }

    /** The command that sets it to what it is in {@code settings}: the undo of a change. */
    String commandFor(EscalationSettings settings) {
        return command(value.apply(settings));
    }

    /** Its value in words, such as {@code 48 hours} or {@code Fridays at 16:00 UTC}. */
    String words(EscalationSettings settings) {
        return words.apply(settings);
    }

    /** The setting as a sentence, such as {@code Red 2 weeks in a row escalates}. */
    String sentence(EscalationSettings settings) {
        return sentence.formatted(words(settings));
    }

    boolean isDefault(EscalationSettings settings) {
        return value.apply(settings).equals(value.apply(EscalationSettings.defaults()));
    }

    /** The settings with this one changed to what {@code text} says; a {@link UserError} when the value is not allowed. */
    EscalationSettings apply(EscalationSettings settings, String text) {
        return apply.apply(settings, text);
    }

    private String command(String argument) {
        return "/drumbeat settings " + word + " " + argument;
    }

    private static EscalationSettings teamAfter(EscalationSettings s, String text) {
        int hours = EscalationSettingsValues.hours("team-after", text, 1, 720);
        if (hours >= s.leadershipAfterHours()) {
            throw new UserError("Escalations must reach the team before leadership: `leadership-after` is "
                    + hours(s.leadershipAfterHours()) + ", so `team-after` must be less than that. Nothing was changed;"
                    + " raise `leadership-after` first if you need to.");
        }
        return s.withTeamAfterHours(hours);
    }

    private static EscalationSettings leadershipAfter(EscalationSettings s, String text) {
        int hours = EscalationSettingsValues.hours("leadership-after", text, 1, 1440);
        if (hours <= s.teamAfterHours()) {
            throw new UserError(
                    "`leadership-after` must be later than `team-after`, which is " + hours(s.teamAfterHours())
                            + ", so leadership hears after the team. Nothing was changed; lower `team-after` first if you need to.");
        }
        return s.withLeadershipAfterHours(hours);
    }

    private static EscalationSettings digest(EscalationSettings s, String text) {
        String[] parts = text.strip().split("\\s+");
        if (parts.length < 2 || parts.length > 3) {
            throw new UserError("Give the digest's day, hour and, if you like, time zone:"
                    + " `/drumbeat settings digest friday 16:00 Europe/London`.");
        }
        ZoneId zone = parts.length == 3 ? EscalationSettingsValues.zone(parts[2]) : s.digestZone();
        return s.withDigest(EscalationSettingsValues.day(parts[0]), EscalationSettingsValues.hour(parts[1]), zone);
    }

    private static String digestWords(EscalationSettings s) {
        return plural(s.digestDay()) + " at " + clock(s.digestHour()) + " "
                + s.digestZone().getId();
    }

    private static String digestCommand(EscalationSettings s) {
        return s.digestDay().name().toLowerCase(Locale.ROOT) + " " + clock(s.digestHour()) + " "
                + s.digestZone().getId();
    }

    private static String plural(DayOfWeek day) {
        String name = day.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1) + "s";
    }

    private static String clock(int hour) {
        return String.format(Locale.ROOT, "%02d:00", hour);
    }

    private static String hours(int hours) {
        return hours == 1 ? "1 hour" : hours + " hours";
    }

    private static String weeks(int weeks) {
        return weeks == 1 ? "1 week" : weeks + " weeks";
    }
}
