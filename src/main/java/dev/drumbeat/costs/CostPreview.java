package dev.drumbeat.costs;

import dev.drumbeat.core.UserError;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * What allocation rules would catch in the latest bills of each billing account, read again from the files its latest
 * import read; nothing is saved. Amounts are amortised, in the workspace's currency (a bill in another is counted at
 * the rate an admin set). Reading the files takes as long as an import, so it runs off Slack's request.
 * Thread-safe.
 */
final class CostPreview {
    /** How many of the largest charges no rule took are shown. */
    static final int LARGEST = 5;

    private final Jdbi jdbi;
    private final CostMonths months;
    private final Currency currency;

    CostPreview(Jdbi jdbi, Clock clock, Currency currency) {
        this.jdbi = jdbi;
        this.months = new CostMonths(jdbi, clock);
        this.currency = currency;
    }

    /** An account's invoice month whose files could not be read again, and why. */
    record Unread(String billingAccountId, YearMonth invoiceMonth, List<Path> files, String why) {}

    /**
     * What {@code rules} catch in the months read: the amortised cost each rule takes, by position (a rule absent took
     * nothing), what none takes, and the largest charges none takes; and the months that could not be read.
     */
    record Preview(
            List<CostRule> rules,
            Map<String, YearMonth> read,
            BigDecimal total,
            Map<Integer, BigDecimal> byRule,
            BigDecimal unallocated,
            List<FocusScan.Line> largest,
            List<Unread> unread) {

        boolean nothingImported() {
            return read.isEmpty() && unread.isEmpty();
        }
    }

    Preview preview(String teamId, List<CostRule> rules) {
        Map<Long, List<CostMonths.ImportedFiles>> byImport = new TreeMap<>();
        latestOfEachAccount(teamId)
                .forEach(month -> byImport.computeIfAbsent(month.importId(), id -> new ArrayList<>())
                        .add(month));
        Map<String, BigDecimal> rates = jdbi.withExtension(CostImportsDao.class, dao -> dao.rates(teamId)).stream()
                .collect(Collectors.toMap(CostImportsDao.Rate::currency, CostImportsDao.Rate::rate));
        Sums sums = new Sums();
        List<Unread> unread = new ArrayList<>();
        byImport.values().forEach(wanted -> read(wanted, rules, rates, sums, unread));
        List<FocusScan.Line> largest = sums.lines.stream()
                .sorted(Comparator.comparing(FocusScan.Line::effectiveCost).reversed())
                .limit(LARGEST)
                .toList();
        return new Preview(rules, sums.read, sums.total, sums.byRule, sums.unallocated, largest, unread);
    }

    /** Each account's latest invoice month, with the files it was imported from. */
    private List<CostMonths.ImportedFiles> latestOfEachAccount(String teamId) {
        Map<String, CostMonths.ImportedFiles> latest = new LinkedHashMap<>();
        months.importedFiles(teamId)
                .forEach(month -> latest.merge(
                        month.billingAccountId(),
                        month,
                        (a, b) -> a.invoiceMonth().isAfter(b.invoiceMonth()) ? a : b));
        return List.copyOf(latest.values());
    }

    /** Running totals over every month read. */
    private static final class Sums {
        final Map<String, YearMonth> read = new TreeMap<>();
        final Map<Integer, BigDecimal> byRule = new TreeMap<>();
        final List<FocusScan.Line> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal unallocated = BigDecimal.ZERO;
    }

    /** Reads one import's files again and adds the months wanted of them; or says why they could not be read. */
    private void read(
            List<CostMonths.ImportedFiles> wanted,
            List<CostRule> rules,
            Map<String, BigDecimal> rates,
            Sums sums,
            List<Unread> unread) {
        List<Path> files = wanted.get(0).files();
        Optional<String> gone = gone(files);
        if (gone.isPresent()) {
            wanted.forEach(m -> unread.add(new Unread(m.billingAccountId(), m.invoiceMonth(), files, gone.get())));
            return;
        }
        FocusScan.Scan scan;
        try {
            scan = FocusScan.scan(files, rules);
        } catch (UserError e) {
            wanted.forEach(m -> unread.add(new Unread(m.billingAccountId(), m.invoiceMonth(), files, e.getMessage())));
            return;
        }
        for (FocusScan.Period period : scan.periods()) {
            YearMonth month = YearMonth.from(period.billingPeriodStart().atZone(ZoneOffset.UTC));
            boolean isWanted = wanted.stream()
                    .anyMatch(m -> m.billingAccountId().equals(period.billingAccountId())
                            && m.invoiceMonth().equals(month));
            FocusScan.Taken taken = scan.taken().get(List.of(period.billingAccountId(), period.billingPeriodStart()));
            if (isWanted && taken != null) {
                add(period, month, taken, rates, sums, unread, files);
            }
        }
    }

    private void add(
            FocusScan.Period period,
            YearMonth month,
            FocusScan.Taken taken,
            Map<String, BigDecimal> rates,
            Sums sums,
            List<Unread> unread,
            List<Path> files) {
        // the bill's code as an import reads it: any case, spaces around it
        String code = String.valueOf(period.currency()).strip().toUpperCase(Locale.ROOT);
        boolean own = currency.getCurrencyCode().equals(code);
        BigDecimal rate = own ? BigDecimal.ONE : rates.get(code);
        if (rate == null) {
            unread.add(new Unread(
                    period.billingAccountId(),
                    month,
                    files,
                    "it is billed in " + period.currency() + " and no rate is set (`/drumbeat settings rate`)"));
            return;
        }
        FocusScan.Taken counted = own ? taken : taken.times(rate);
        sums.read.put(period.billingAccountId(), month);
        sums.total = sums.total.add(counted.total());
        sums.unallocated = sums.unallocated.add(counted.unallocated());
        counted.byRule().forEach((position, sum) -> sums.byRule.merge(position, sum, BigDecimal::add));
        sums.lines.addAll(counted.largestUnallocated());
    }

    /** Why the files can't be read again: which are gone; empty when all are there. */
    private static Optional<String> gone(List<Path> files) {
        if (files.isEmpty()) {
            return Optional.of("Drumbeat did not yet keep where its files were when it was imported");
        }
        List<String> missing = files.stream()
                .filter(file -> !Files.isReadable(file))
                .map(Path::toString)
                .toList();
        return missing.isEmpty()
                ? Optional.empty()
                : Optional.of((missing.size() == 1 ? "this file is" : "these files are") + " gone or unreadable: "
                        + String.join(", ", missing));
    }
}
