package dev.drumbeat.costs;

import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Money;
import dev.drumbeat.core.UserError;
import dev.drumbeat.slack.SlackBlocks;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Allocates the months already imported again, by the rules in force: every import that is the latest of some
 * account's invoice month is imported again from the files it read ({@link CostImportService#importFiles} replaces
 * those months), oldest first, so each month ends with its latest bills. A month whose files are gone keeps its
 * allocation and is named; so is one whose files are there but would also overwrite a later month whose files are
 * gone. Thread-safe.
 */
final class CostReallocation {
    private static final YearMonth FIRST = YearMonth.of(2000, 1);
    private static final YearMonth LAST = YearMonth.of(9999, 12);
    private final Jdbi jdbi;
    private final CostImportService imports;
    private final CostMonths months;
    private final Currency currency;

    CostReallocation(Jdbi jdbi, AuditLog audit, Clock clock, Currency currency) {
        this.jdbi = jdbi;
        this.imports = new CostImportService(jdbi, audit, clock);
        this.months = new CostMonths(jdbi, clock);
        this.currency = currency;
    }

    /** An account's invoice month left as it was, and why. */
    record Kept(String billingAccountId, YearMonth invoiceMonth, String why) {}

    /**
     * How many account's months were allocated again; per month that changed, what none took before and after and how
     * much each service's actual cost moved, by service key; and the months kept as they were.
     */
    record Result(int reallocated, SortedMap<YearMonth, Change> changes, List<Kept> kept) {}

    record Change(BigDecimal unallocatedBefore, BigDecimal unallocatedAfter, Map<String, BigDecimal> services) {}

    Result run(Actor actor) {
        Optional<Instant> requested =
                jdbi.withExtension(CostReallocationsDueDao.class, dao -> dao.requestedAt(actor.teamId()));
        Result result = allocateAgain(actor);
        requested.ifPresent(
                at -> jdbi.useExtension(CostReallocationsDueDao.class, dao -> dao.done(actor.teamId(), at)));
        return result;
    }

    private Result allocateAgain(Actor actor) {
        Map<Long, List<CostMonths.ImportedFiles>> byImport = new TreeMap<>();
        months.importedFiles(actor.teamId())
                .forEach(month -> byImport.computeIfAbsent(month.importId(), id -> new ArrayList<>())
                        .add(month));
        Snapshot before = snapshot(actor.teamId());
        Map<Long, List<CostMonths.ImportedFiles>> gone = new TreeMap<>();
        byImport.forEach((id, wanted) -> {
            if (!readable(wanted.get(0).files())) {
                gone.put(id, wanted);
            }
        });
        List<Kept> kept = new ArrayList<>();
        gone.values().forEach(wanted -> keep(wanted, gone(wanted.get(0).files()), kept));
        int reallocated = 0;
        for (Map.Entry<Long, List<CostMonths.ImportedFiles>> entry : byImport.entrySet()) {
            if (!gone.containsKey(entry.getKey())) {
                reallocated += reimport(actor, entry.getKey(), entry.getValue(), gone, kept);
            }
        }
        return new Result(reallocated, before.changesTo(snapshot(actor.teamId())), kept);
    }

    /** Imports again the files of import {@code id}; how many of its months that allocated, the rest kept. */
    private int reimport(
            Actor actor,
            long id,
            List<CostMonths.ImportedFiles> wanted,
            Map<Long, List<CostMonths.ImportedFiles>> gone,
            List<Kept> kept) {
        List<Path> files = wanted.get(0).files();
        try {
            if (wouldOverwrite(id, files, gone)) {
                keep(
                        wanted,
                        "its files also hold a later month whose own files are gone, which importing them again"
                                + " would overwrite",
                        kept);
                return 0;
            }
            imports.reallocate(actor.teamId(), actor.auditName(), files, currency);
            return wanted.size();
        } catch (UserError e) {
            keep(wanted, e.getMessage(), kept);
            return 0;
        }
    }

    private static void keep(List<CostMonths.ImportedFiles> months, String why, List<Kept> kept) {
        months.forEach(m -> kept.add(new Kept(m.billingAccountId(), m.invoiceMonth(), why)));
    }

    private static String gone(List<Path> files) {
        return files.isEmpty()
                ? "Drumbeat did not yet keep where its files were"
                : "its files are gone (" + files.stream().map(Path::toString).collect(Collectors.joining(", ")) + ")";
    }

    private static boolean readable(List<Path> files) {
        return !files.isEmpty() && files.stream().allMatch(Files::isReadable);
    }

    /** Whether the files of import {@code id} hold a month that a later import, whose files are gone, stands for. */
    private static boolean wouldOverwrite(long id, List<Path> files, Map<Long, List<CostMonths.ImportedFiles>> gone) {
        Set<List<Object>> later = gone.entrySet().stream()
                .filter(g -> g.getKey() > id)
                .flatMap(g -> g.getValue().stream())
                .map(m -> List.<Object>of(m.billingAccountId(), m.invoiceMonth()))
                .collect(Collectors.toSet());
        if (later.isEmpty()) {
            return false;
        }
        return FocusScan.periods(files).stream()
                .anyMatch(p -> later.contains(List.<Object>of(
                        p.billingAccountId(),
                        YearMonth.from(p.billingPeriodStart().atZone(ZoneOffset.UTC)))));
    }

    /** Each service's actual cost and what none took, per month, to compare before and after. */
    private record Snapshot(
            Map<Long, SortedMap<YearMonth, BigDecimal>> services,
            SortedMap<YearMonth, CostMonths.Month> totals,
            Map<Long, String> keys) {

        SortedMap<YearMonth, Change> changesTo(Snapshot after) {
            SortedMap<YearMonth, Change> changes = new TreeMap<>();
            Set<YearMonth> every = new TreeSet<>(totals.keySet());
            every.addAll(after.totals.keySet());
            for (YearMonth month : every) {
                Map<String, BigDecimal> moved = new TreeMap<>();
                Set<Long> ids = new HashSet<>(services.keySet());
                ids.addAll(after.services.keySet());
                for (long id : ids) {
                    BigDecimal delta = cost(after.services, id, month).subtract(cost(services, id, month));
                    if (delta.signum() != 0) {
                        moved.put(after.keys.getOrDefault(id, "#" + id), delta);
                    }
                }
                BigDecimal was = unallocated(totals, month);
                BigDecimal is = unallocated(after.totals, month);
                if (!moved.isEmpty() || was.compareTo(is) != 0) {
                    changes.put(month, new Change(was, is, moved));
                }
            }
            return changes;
        }

        private static BigDecimal cost(Map<Long, SortedMap<YearMonth, BigDecimal>> services, long id, YearMonth month) {
            return services.getOrDefault(id, new TreeMap<>()).getOrDefault(month, BigDecimal.ZERO);
        }

        private static BigDecimal unallocated(SortedMap<YearMonth, CostMonths.Month> totals, YearMonth month) {
            CostMonths.Month m = totals.get(month);
            return m == null ? BigDecimal.ZERO : m.unallocated();
        }
    }

    private Snapshot snapshot(String teamId) {
        return new Snapshot(
                months.services(teamId, FIRST, LAST),
                months.totals(teamId, FIRST, LAST),
                jdbi.withExtension(CostRulesDao.class, dao -> dao.serviceKeys(teamId)));
    }

    /** What a re-allocation did, a sentence a line: each month that changed, then each month kept as it was. */
    static List<String> describe(Result result, Money money) {
        List<String> lines = new ArrayList<>();
        if (result.reallocated() == 0 && result.kept().isEmpty()) {
            lines.add("No bills are imported yet; the rules apply to the first import.");
            return lines;
        }
        lines.add("Allocated again: " + result.reallocated() + (result.reallocated() == 1 ? " month" : " months")
                + " of the bills" + (result.changes().isEmpty() ? "; no service's cost changed." : ":"));
        result.changes()
                .forEach((month, change) -> lines.add("• " + CostsViews.month(month) + ": unallocated "
                        + money.cents(change.unallocatedBefore()) + " → " + money.cents(change.unallocatedAfter())
                        + change.services().entrySet().stream()
                                .map(moved -> moved.getKey() + " " + money.signedCents(moved.getValue()))
                                .collect(Collectors.joining(
                                        ", ", change.services().isEmpty() ? "" : "; ", ""))));
        result.kept()
                .forEach(kept -> lines.add("• Account " + kept.billingAccountId() + ", "
                        + CostsViews.month(kept.invoiceMonth()) + ", keeps its allocation: "
                        + SlackBlocks.clip(kept.why(), 300).replaceFirst("[.\\s]+$", "")
                        + ". Import its bills again to allocate it by these"
                        + " rules."));
        return lines;
    }
}
