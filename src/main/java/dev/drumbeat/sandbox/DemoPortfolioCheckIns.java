package dev.drumbeat.sandbox;

import dev.drumbeat.sandbox.DemoPortfolio.DemoPerson;
import dev.drumbeat.sandbox.DemoPortfolioCatalog.HurdleRow;
import dev.drumbeat.sandbox.DemoPortfolioCatalog.ServiceRow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the demo's check-ins: the history, one a week per service up to its last check-in, mostly green,
 * amber or red where {@code demo/hurdles.csv} tells a story, submitted on a Monday or Tuesday morning in
 * the submitter's own time zone; and each later week's, as the demo's colleagues go on with their stories.
 * Seeded by the service key (and the week), so every load gives the same check-ins.
 */
final class DemoPortfolioCheckIns {

    record CheckIn(
            String serviceKey,
            LocalDate periodStart,
            String status,
            String hurdle,
            String submittedBy,
            Instant submittedAt) {}

    /** Odd weeks that go amber for an ordinary reason, even on a healthy service. */
    private static final List<String> EVERYDAY_HURDLES = List.of(
            "Key engineer on leave this week",
            "Change freeze for the quarter-end close",
            "Waiting on a firewall change from network operations",
            "Purchase order held up by an invoice dispute with the supplier");

    private static final double EVERYDAY_AMBER_CHANCE = 0.04;
    private static final LocalTime MORNING = LocalTime.of(9, 0);

    private DemoPortfolioCheckIns() {}

    /** Check-ins for the given weeks, oldest first; services that never checked in get none. */
    static List<CheckIn> write(
            List<ServiceRow> services,
            Map<String, HurdleRow> hurdles,
            Map<String, DemoPerson> peopleByHandle,
            List<LocalDate> weeks) {
        requireKnownServices(hurdles, services);
        List<CheckIn> checkIns = new ArrayList<>();
        for (ServiceRow service : services) {
            if (service.lastCheckInWeeksAgo().isEmpty()
                    || service.submitterHandle().isEmpty()) {
                continue;
            }
            String handle = service.submitterHandle().get();
            DemoPerson submitter = Objects.requireNonNull(peopleByHandle.get(handle), () -> "no demo person " + handle);
            Optional<HurdleRow> story = Optional.ofNullable(hurdles.get(service.key()));
            Random random = new Random(service.key().hashCode());
            int last = weeks.size() - service.lastCheckInWeeksAgo().getAsInt();
            for (int week = 0; week <= last; week++) {
                checkIns.add(checkIn(service.key(), weeks.get(week), last - week, story, submitter, random));
            }
        }
        return checkIns;
    }

    /**
     * The check-ins the demo's colleagues make in a week after the seeded history: every service that checks in
     * weekly, except those of the people left to the newcomer, each in its story's latest status.
     */
    static List<CheckIn> live(
            List<ServiceRow> services,
            Map<String, HurdleRow> hurdles,
            Map<String, DemoPerson> peopleByHandle,
            Set<String> leftToTheNewcomer,
            LocalDate monday) {
        List<CheckIn> checkIns = new ArrayList<>();
        for (ServiceRow service : services) {
            boolean weekly = service.lastCheckInWeeksAgo().orElse(0) == 1;
            Optional<String> handle = service.submitterHandle().filter(h -> !leftToTheNewcomer.contains(h));
            if (weekly && handle.isPresent()) {
                DemoPerson submitter = Objects.requireNonNull(peopleByHandle.get(handle.get()));
                Optional<HurdleRow> story = Optional.ofNullable(hurdles.get(service.key()));
                Random random = new Random((service.key() + "|" + monday).hashCode());
                checkIns.add(checkIn(service.key(), monday, 0, story, submitter, random));
            }
        }
        return checkIns;
    }

    private static CheckIn checkIn(
            String serviceKey,
            LocalDate monday,
            int weeksBeforeLast,
            Optional<HurdleRow> story,
            DemoPerson submitter,
            Random random) {
        String status =
                story.map(row -> statusOf(row.pattern(), weeksBeforeLast)).orElse("green");
        String hurdle = status.equals("green") ? "" : story.orElseThrow().hurdle();
        if (status.equals("green") && random.nextDouble() < EVERYDAY_AMBER_CHANCE) {
            status = "amber";
            hurdle = EVERYDAY_HURDLES.get(random.nextInt(EVERYDAY_HURDLES.size()));
        }
        LocalDate day = random.nextInt(4) == 0 ? monday.plusDays(1) : monday;
        Instant submittedAt = day.atTime(MORNING.plusMinutes(random.nextInt(180)))
                .atZone(ZoneId.of(submitter.tz()))
                .toInstant();
        return new CheckIn(serviceKey, monday, status, hurdle, submitter.userId(), submittedAt);
    }

    private static void requireKnownServices(Map<String, HurdleRow> hurdles, List<ServiceRow> services) {
        Set<String> keys = services.stream().map(ServiceRow::key).collect(Collectors.toSet());
        hurdles.keySet().stream().filter(key -> !keys.contains(key)).findFirst().ifPresent(key -> {
            throw new IllegalStateException("demo/hurdles.csv names a service that does not exist: " + key);
        });
    }

    /** The status a story gives the check-in {@code weeksBeforeLast} weeks before the service's last one. */
    static String statusOf(String pattern, int weeksBeforeLast) {
        return switch (pattern) {
            case "amber" -> weeksBeforeLast < 3 ? "amber" : "green";
            case "red" -> weeksBeforeLast < 2 ? "red" : weeksBeforeLast < 4 ? "amber" : "green";
            case "recovered" -> weeksBeforeLast >= 6 && weeksBeforeLast <= 9 ? "amber" : "green";
            default -> throw new IllegalStateException("demo/hurdles.csv: unknown pattern " + pattern);
        };
    }
}
