package dev.drumbeat.costs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * What the imported bills say, by the month each cost belongs to (a correction counts in the month it corrects), in
 * the workspace's currency: each service's actual cost, what no rule took, and where the figures came from. The one
 * place the dashboard, escalations, the digest and the advisor read actual costs from. Months are calendar months in
 * UTC, as the providers invoice them. Thread-safe.
 */
public final class CostMonths {
    private final Jdbi jdbi;
    private final Clock clock;

    public CostMonths(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * A month of the bills: what the rules gave to services, what none took, and whether its bills are only part of it
     * ({@code soFar}: the month is still running, or an account's bill for it was last imported before it ended), so
     * it is never compared with a whole month.
     */
    public record Month(YearMonth month, BigDecimal allocated, BigDecimal unallocated, boolean soFar) {
        public BigDecimal total() {
            return allocated.add(unallocated);
        }

        /** What no rule took, as a share of the month's bill from 0 to 1; zero for an empty bill. */
        public BigDecimal unallocatedShare() {
            return total().signum() == 0 ? BigDecimal.ZERO : unallocated.divide(total(), 6, RoundingMode.HALF_EVEN);
        }
    }

    /** A charge no rule took in an invoice month, summed by where it came from. */
    public record UnallocatedLine(
            String billingAccountId,
            Optional<String> subAccountId,
            Optional<String> serviceName,
            Optional<String> resourceId,
            BigDecimal cost) {}

    /** Where a month's figures came from: an import, who made it and when, and what it read. */
    public record Source(
            long importId,
            String files,
            String importedBy,
            Instant importedAt,
            String billingAccountId,
            String currency,
            Optional<BigDecimal> exchangeRate) {}

    /** Each service's actual cost per month from {@code from} to {@code to}; months without bills are absent. */
    public Map<Long, SortedMap<YearMonth, BigDecimal>> services(String teamId, YearMonth from, YearMonth to) {
        Map<Long, SortedMap<YearMonth, BigDecimal>> byService = new LinkedHashMap<>();
        for (CostMonthsDao.ServiceMonth row :
                jdbi.withExtension(CostMonthsDao.class, dao -> dao.serviceMonths(teamId, from.atDay(1), to.atDay(1)))) {
            byService
                    .computeIfAbsent(row.serviceId(), id -> new TreeMap<>())
                    .put(YearMonth.from(row.month()), row.cost());
        }
        return byService;
    }

    /** One service's actual cost per month from {@code from} to {@code to}. */
    public SortedMap<YearMonth, BigDecimal> service(String teamId, long serviceId, YearMonth from, YearMonth to) {
        SortedMap<YearMonth, BigDecimal> months = new TreeMap<>();
        for (CostMonthsDao.ServiceMonth row : jdbi.withExtension(
                CostMonthsDao.class, dao -> dao.serviceMonthsOf(teamId, serviceId, from.atDay(1), to.atDay(1)))) {
            months.put(YearMonth.from(row.month()), row.cost());
        }
        return Collections.unmodifiableSortedMap(months);
    }

    /** The bills per month from {@code from} to {@code to}: allocated, unallocated; months without bills absent. */
    public SortedMap<YearMonth, Month> totals(String teamId, YearMonth from, YearMonth to) {
        SortedMap<YearMonth, Month> months = new TreeMap<>();
        List<CostMonthsDao.MonthTotal> rows =
                jdbi.withExtension(CostMonthsDao.class, dao -> dao.totals(teamId, from.atDay(1), to.atDay(1)));
        Set<YearMonth> part =
                jdbi
                        .withExtension(CostMonthsDao.class, dao -> dao.partMonths(teamId, from.atDay(1), to.atDay(1)))
                        .stream()
                        .map(YearMonth::from)
                        .collect(Collectors.toSet());
        for (CostMonthsDao.MonthTotal row : rows) {
            YearMonth month = YearMonth.from(row.month());
            months.put(
                    month, new Month(month, row.allocated(), row.unallocated(), !over(month) || part.contains(month)));
        }
        return Collections.unmodifiableSortedMap(months);
    }

    /** The latest month any bill has a cost in. */
    public Optional<YearMonth> latest(String teamId) {
        return jdbi.withExtension(CostMonthsDao.class, dao -> dao.latest(teamId))
                .map(YearMonth::from);
    }

    /**
     * The latest whole month: over, and every account's bill for it imported after it ended (a month-to-date export
     * taken during the month is only part of it, even once the calendar has moved on). The one to compare with plans
     * and earlier months.
     */
    public Optional<YearMonth> latestWhole(String teamId) {
        YearMonth current = current();
        return jdbi.withExtension(CostMonthsDao.class, dao -> dao.latestBefore(teamId, current.atDay(1)))
                .map(YearMonth::from);
    }

    /** The largest charges no rule took in {@code month}'s invoices, largest first. */
    public List<UnallocatedLine> largestUnallocated(String teamId, YearMonth month, int limit) {
        return jdbi
                .withExtension(CostMonthsDao.class, dao -> dao.largestUnallocated(teamId, month.atDay(1), limit))
                .stream()
                .map(row -> new UnallocatedLine(
                        row.billingAccountId(),
                        Optional.ofNullable(row.subAccountId()),
                        Optional.ofNullable(row.serviceName()),
                        Optional.ofNullable(row.resourceId()),
                        row.cost()))
                .toList();
    }

    /** The imports whose bills have costs in {@code month}, newest first: where its figures came from. */
    public List<Source> sources(String teamId, YearMonth month) {
        return jdbi.withExtension(CostMonthsDao.class, dao -> dao.sources(teamId, month.atDay(1))).stream()
                .map(row -> new Source(
                        row.importId(),
                        row.files(),
                        row.importedBy(),
                        row.importedAt(),
                        row.billingAccountId(),
                        row.currency(),
                        Optional.ofNullable(row.exchangeRate())))
                .toList();
    }

    /** The files an account's invoice month was last imported from, as absolute paths; they may be gone since. */
    public record ImportedFiles(String billingAccountId, YearMonth invoiceMonth, long importId, List<Path> files) {
        public ImportedFiles {
            files = List.copyOf(files);
        }
    }

    /** For every account's invoice month, oldest first, the files its latest import read. */
    public List<ImportedFiles> importedFiles(String teamId) {
        return jdbi.withExtension(CostMonthsDao.class, dao -> dao.importedFiles(teamId)).stream()
                .map(row -> new ImportedFiles(
                        row.billingAccountId(),
                        YearMonth.from(row.billingPeriodStart().atZone(ZoneOffset.UTC)),
                        row.importId(),
                        row.files().stream().map(Path::of).toList()))
                .toList();
    }

    /** Whether {@code month} is over, by the clock, in UTC as the providers invoice. */
    public boolean over(YearMonth month) {
        return current().isAfter(month);
    }

    /** The month the clock is in, in UTC. */
    public YearMonth current() {
        return YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
    }
}
