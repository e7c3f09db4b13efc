package dev.drumbeat.escalation.rules;

import dev.drumbeat.core.Money;
import dev.drumbeat.core.Periods;
import dev.drumbeat.escalation.settings.Thresholds;
import dev.drumbeat.people.AwayCover;
import dev.drumbeat.people.AwayState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides, at one moment, which services and initiatives, and which workspaces' bills, should be escalated and why.
 * Pure and thread-safe: plain functions over the facts one sweep reads, so every rule is tested without a database or
 * Slack.
 * Dates that matter to a person (their period, whether they are away today) are taken in the owner's zone.
 */
public final class EscalationRules {
    private static final Set<String> FINISHED = Set.of("done", "cancelled");
    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::teamId)
            .thenComparing(f -> f.subject().kind().equals("service") ? 0 : 1)
            .thenComparingLong(f -> f.subject().id())
            .thenComparing(Finding::reason);

    private EscalationRules() {}

    /** How many periods running a bound query gives no number before it escalates. */
    public static final int MEASURE_FAILING_PERIODS = MeasureFindings.PERIODS;

    /** Every finding for one workspace's thresholds, ordered by team, services before initiatives, id, then reason. */
    public static List<Finding> evaluate(
            List<ServiceFacts> services,
            List<InitiativeFacts> initiatives,
            Thresholds thresholds,
            Periods periods,
            Instant now) {
        return evaluate(services, initiatives, team -> thresholds, periods, now);
    }

    /** The same over many workspaces at once, each with its own thresholds. */
    public static List<Finding> evaluate(
            List<ServiceFacts> services,
            List<InitiativeFacts> initiatives,
            Function<String, Thresholds> thresholdsOfTeam,
            Periods periods,
            Instant now) {
        return sorted(findings(services, initiatives, thresholdsOfTeam, periods, now));
    }

    /**
     * The same with what each workspace's bills say ({@code costs}, by team; a workspace without whole months of bills is
     * absent): cost drift of its active services and its unallocated spend, amounts in {@code money}.
     */
    public static List<Finding> evaluate(
            List<ServiceFacts> services,
            List<InitiativeFacts> initiatives,
            Map<String, CostFacts> costs,
            Function<String, Thresholds> thresholdsOfTeam,
            Money money,
            Periods periods,
            Instant now) {
        return evaluate(services, initiatives, costs, List.of(), thresholdsOfTeam, money, periods, now);
    }

    /**
     * The same with the bindings whose queries keep failing ({@code failing}, of active services): one measuring-failing
     * finding per service with a binding failing {@link MeasureFindings#PERIODS} periods running or more.
     */
    public static List<Finding> evaluate(
            List<ServiceFacts> services,
            List<InitiativeFacts> initiatives,
            Map<String, CostFacts> costs,
            List<FailingMeasure> failing,
            Function<String, Thresholds> thresholdsOfTeam,
            Money money,
            Periods periods,
            Instant now) {
        List<Finding> findings = findings(services, initiatives, thresholdsOfTeam, periods, now);
        findings.addAll(MeasureFindings.of(failing, now));
        Map<String, List<ServiceFacts>> servicesByTeam =
                services.stream().collect(Collectors.groupingBy(ServiceFacts::teamId));
        costs.forEach((team, facts) -> findings.addAll(CostFindings.of(
                servicesByTeam.getOrDefault(team, List.of()), facts, thresholdsOfTeam.apply(team), money)));
        return sorted(findings);
    }

    private static List<Finding> sorted(List<Finding> findings) {
        findings.sort(ORDER);
        return findings;
    }

    private static List<Finding> findings(
            List<ServiceFacts> services,
            List<InitiativeFacts> initiatives,
            Function<String, Thresholds> thresholdsOfTeam,
            Periods periods,
            Instant now) {
        List<Finding> findings = new ArrayList<>();
        for (ServiceFacts service : services) {
            addServiceFindings(findings, service, thresholdsOfTeam.apply(service.teamId()), periods, now);
        }
        for (InitiativeFacts initiative : initiatives) {
            slipping(initiative, now)
                    .ifPresent(detail -> findings.add(new Finding(
                            initiative.teamId(),
                            Finding.Subject.initiative(initiative.initiativeId()),
                            Reason.INITIATIVE_SLIPPING,
                            detail)));
        }
        return findings;
    }

    /** The latest period whose prompt plus grace has passed, in {@code zone}: the one a check-in is owed for. */
    static LocalDate duePeriod(Periods periods, Instant now, Duration grace, ZoneId zone) {
        Instant cutoff = now.minus(grace);
        LocalDate period = periods.periodOf(cutoff, zone);
        return cutoff.isBefore(periods.promptAt(period, zone)) ? period.minusWeeks(1) : period;
    }

    private static void addServiceFindings(
            List<Finding> findings, ServiceFacts s, Thresholds t, Periods periods, Instant now) {
        Finding.Subject subject = Finding.Subject.service(s.serviceId());
        ZoneId zone = Periods.zone(s.ownerTz());
        LocalDate today = now.atZone(zone).toLocalDate();
        boolean ownerless = s.ownerId().isEmpty() || !s.ownerActive();
        if (ownerless) {
            findings.add(
                    new Finding(s.teamId(), subject, Reason.OWNERLESS, EscalationRulesText.ownerless(s.ownerId())));
        } else {
            stale(s, t, periods, now, zone)
                    .ifPresent(detail -> findings.add(new Finding(s.teamId(), subject, Reason.STALE, detail)));
        }
        if (s.redStreak() >= t.redStreak()) {
            findings.add(
                    new Finding(s.teamId(), subject, Reason.RED_STREAK, EscalationRulesText.redFor(s.redStreak())));
        }
        if (s.kpiOffStreak() >= t.kpiOffPeriods()) {
            findings.add(new Finding(
                    s.teamId(),
                    subject,
                    Reason.KPI_OFF_TARGET,
                    EscalationRulesText.kpiOff(s.worstKpi(), s.kpiOffStreak())));
        }
        if (!ownerless && isAwayUncovered(s, today)) {
            findings.add(new Finding(
                    s.teamId(),
                    subject,
                    Reason.AWAY_UNCOVERED,
                    EscalationRulesText.awayUncovered(s.ownerAwayUntil().orElseThrow(), today)));
        }
    }

    /**
     * Stale when the period a check-in is owed for has neither a check-in nor an excusal, and no later period has one
     * either (a fresh answer brings the plan up to date). Periods prompted before the service existed are not owed, and
     * none is owed while a decision has it deprioritised: it is being wound down and nobody is asked about it.
     */
    private static Optional<String> stale(ServiceFacts s, Thresholds t, Periods periods, Instant now, ZoneId zone) {
        if (s.windingDown()) {
            return Optional.empty();
        }
        LocalDate due = duePeriod(periods, now, t.grace(), zone);
        boolean owed = !s.createdAt().isAfter(periods.promptAt(due, zone));
        boolean answered = s.excusedThisPeriod()
                || isOnOrAfter(s.lastCheckInPeriod(), due)
                || isOnOrAfter(s.lastExcusedPeriod(), due);
        if (!owed || answered) {
            return Optional.empty();
        }
        return Optional.of(EscalationRulesText.stale(
                s.lastCheckInPeriod(), now.atZone(zone).toLocalDate()));
    }

    private static boolean isAwayUncovered(ServiceFacts s, LocalDate today) {
        AwayState away = new AwayState(s.ownerAwayUntil(), s.awayDeputyId());
        return away.isAwayOn(today)
                && AwayCover.coverFor(s.ownerId().orElseThrow(), s.deputyId(), away, today)
                        .isEmpty();
    }

    /** Slipping: unfinished, depended on, and past its due date (a plain date, read in UTC) or with a linked service red. */
    private static Optional<String> slipping(InitiativeFacts i, Instant now) {
        if (FINISHED.contains(i.status()) || i.linkedServices() <= 0) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Optional<LocalDate> overdue = i.dueDate().filter(today::isAfter);
        if (overdue.isEmpty() && i.linkedRed() <= 0) {
            return Optional.empty();
        }
        return Optional.of(EscalationRulesText.slipping(overdue, i.linkedRed(), i.linkedServices(), today));
    }

    private static boolean isOnOrAfter(Optional<LocalDate> period, LocalDate due) {
        return period.filter(p -> !p.isBefore(due)).isPresent();
    }
}
