package dev.drumbeat.escalation.rules;

import dev.drumbeat.core.Periods;
import dev.drumbeat.escalation.settings.Thresholds;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Facts for rule tests: a healthy service owned by an active person in UTC, changed one field at a time. */
final class EscalationRulesFixture {
    static final String TEAM = "T0RULES";
    static final String OWNER = "U0OWNER01";
    static final Periods PERIODS = new Periods(DayOfWeek.MONDAY, 9);
    /** Monday 16 Nov 2026 is the current period; with the default 48 h grace its check-in is owed from Wednesday 09:00. */
    static final LocalDate THIS_WEEK = LocalDate.of(2026, 11, 16);

    static final Instant WEDNESDAY_NINE = Instant.parse("2026-11-18T09:00:00Z");

    private EscalationRulesFixture() {}

    static Service service(long id) {
        return new Service(id);
    }

    static List<Finding> evaluate(Instant now, Service... services) {
        return EscalationRules.evaluate(List.of(built(services)), List.of(), Thresholds.defaults(), PERIODS, now);
    }

    static List<Finding> evaluate(Instant now, Thresholds thresholds, Service... services) {
        return EscalationRules.evaluate(List.of(built(services)), List.of(), thresholds, PERIODS, now);
    }

    private static ServiceFacts[] built(Service... services) {
        ServiceFacts[] facts = new ServiceFacts[services.length];
        for (int i = 0; i < services.length; i++) {
            facts[i] = services[i].build();
        }
        return facts;
    }

    /** A mutable builder; every setter returns this. */
    static final class Service {
        long id;
        String team = TEAM;
        Optional<String> owner = Optional.of(OWNER);
        boolean ownerActive = true;
        String tz = "UTC";
        Optional<String> deputy = Optional.empty();
        Optional<LocalDate> awayUntil = Optional.empty();
        Optional<String> awayDeputy = Optional.empty();
        Optional<LocalDate> lastCheckIn = Optional.of(THIS_WEEK);
        boolean excused;
        int red;
        int kpiOff;
        Optional<String> worstKpi = Optional.empty();
        Optional<LocalDate> lastExcused = Optional.empty();
        Instant createdAt = Instant.parse("2025-01-01T00:00:00Z");
        boolean windingDown;

        Service(long id) {
            this.id = id;
        }

        Service team(String team) {
            this.team = team;
            return this;
        }

        Service noOwner() {
            this.owner = Optional.empty();
            return this;
        }

        Service ownerInactive() {
            this.ownerActive = false;
            return this;
        }

        Service tz(String tz) {
            this.tz = tz;
            return this;
        }

        Service deputy(String deputy) {
            this.deputy = Optional.of(deputy);
            return this;
        }

        Service away(LocalDate until) {
            this.awayUntil = Optional.of(until);
            return this;
        }

        Service awayDeputy(String deputy) {
            this.awayDeputy = Optional.of(deputy);
            return this;
        }

        Service lastCheckIn(LocalDate period) {
            this.lastCheckIn = Optional.ofNullable(period);
            return this;
        }

        Service neverCheckedIn() {
            return lastCheckIn(null);
        }

        Service excusedThisPeriod() {
            this.excused = true;
            return this;
        }

        Service lastExcused(LocalDate period) {
            this.lastExcused = Optional.of(period);
            return this;
        }

        Service red(int streak) {
            this.red = streak;
            return this;
        }

        Service kpiOff(String kpi, int streak) {
            this.worstKpi = Optional.of(kpi);
            this.kpiOff = streak;
            return this;
        }

        Service createdAt(Instant at) {
            this.createdAt = at;
            return this;
        }

        Service windingDown() {
            this.windingDown = true;
            return this;
        }

        ServiceFacts build() {
            return new ServiceFacts(
                    id,
                    team,
                    "svc-" + id,
                    "Service " + id,
                    owner,
                    ownerActive,
                    tz,
                    deputy,
                    Optional.empty(),
                    awayUntil,
                    awayDeputy,
                    lastCheckIn,
                    excused,
                    red,
                    kpiOff,
                    worstKpi,
                    lastExcused,
                    createdAt,
                    windingDown);
        }
    }
}
