package dev.drumbeat.costs;

import dev.drumbeat.audit.AuditEntry;
import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.core.ExchangeRate;
import dev.drumbeat.core.ExchangeRates;
import dev.drumbeat.core.Money;
import dev.drumbeat.core.UserError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Imports FOCUS files into a workspace: reads and sums them first ({@link FocusScan}), then stores every billing
 * account's invoice month in one transaction, so an import lands whole or not at all. A month imported again replaces
 * the one before and says by how much it changed; it is never counted twice. Each service's share is stored by the
 * month it belongs to, so a correction counts in the month it corrects. Bills in another currency than the
 * workspace's are converted at the rate an admin set ({@code /drumbeat settings rate …}) and say so, or refused
 * naming both. Thread-safe.
 */
public final class CostImportService {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** The scale amounts are stored at (numeric(20, 6)). */
    private static final int MILLIONTHS = 6;

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;

    public CostImportService(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * One account's month as imported (in the workspace's currency; {@code rate} is the one it was converted at),
     * what it came to before if it replaced an earlier import, and the earlier months its corrections counted in.
     */
    public record Line(
            FocusScan.Period period,
            Optional<BigDecimal> before,
            BigDecimal unallocated,
            int services,
            Optional<ExchangeRate> rate,
            Map<YearMonth, BigDecimal> corrections) {
        public Line {
            corrections = Map.copyOf(corrections);
        }
    }

    /** What an import stored, and the rules that took nothing from these bills (likely mistyped). */
    public record Imported(long importId, List<Line> lines, List<CostRule> unmatched) {
        public long rows() {
            return lines.stream().mapToLong(line -> line.period().rows()).sum();
        }
    }

    /** Imports {@code files}, all parts of one export or several, as {@code actor} (a user id or {@code cli}). */
    public Imported importFiles(String teamId, String actor, List<Path> files, Currency workspace) {
        return importFiles(teamId, actor, files, workspace, false);
    }

    /**
     * Imports {@code files} again to allocate them by new rules: a month already converted from another currency keeps
     * the rate it was converted at, so new rules never pass off a changed rate as moved costs.
     */
    Imported reallocate(String teamId, String actor, List<Path> files, Currency workspace) {
        return importFiles(teamId, actor, files, workspace, true);
    }

    private Imported importFiles(
            String teamId, String actor, List<Path> files, Currency workspace, boolean keepStoredRates) {
        List<CostRule> rules = new CostRules(jdbi, audit).of(teamId);
        FocusScan.Scan scan = FocusScan.scan(files, rules);
        if (scan.periods().isEmpty()) {
            throw new UserError("Those files hold no charges, so there is nothing to import.");
        }
        refuseMixedCurrencies(scan.periods());
        ExchangeRates rates =
                new ExchangeRates(jdbi.withExtension(CostImportsDao.class, dao -> dao.rates(teamId)).stream()
                        .map(rate -> new ExchangeRate(Currency.getInstance(rate.currency()), workspace, rate.rate()))
                        .toList());
        String source =
                files.stream().map(Path::getFileName).map(Path::toString).collect(Collectors.joining(", "));
        List<String> paths =
                files.stream().map(file -> file.toAbsolutePath().toString()).toList();
        return jdbi.inTransaction(handle -> {
            CostImportsDao dao = handle.attach(CostImportsDao.class);
            long rows =
                    scan.periods().stream().mapToLong(FocusScan.Period::rows).sum();
            long importId =
                    dao.insertImport(teamId, source, rows, actor, clock.instant(), paths.toArray(String[]::new));
            List<Line> lines = new ArrayList<>();
            for (FocusScan.Period billed : scan.periods()) {
                Optional<ExchangeRate> rate = keepStoredRates
                        ? dao.storedRate(
                                        teamId,
                                        billed.billingAccountId(),
                                        billed.billingPeriodStart(),
                                        billed.currency())
                                .map(stored -> new ExchangeRate(
                                        Currency.getInstance(
                                                billed.currency().strip().toUpperCase(Locale.ROOT)),
                                        workspace,
                                        stored))
                                .or(() -> rate(billed, workspace, rates))
                        : rate(billed, workspace, rates);
                FocusScan.Taken inBill = scan.taken()
                        .getOrDefault(
                                List.of(billed.billingAccountId(), billed.billingPeriodStart()),
                                FocusScan.Taken.none(
                                        YearMonth.from(
                                                billed.billingPeriodStart().atZone(ZoneOffset.UTC)),
                                        billed.effectiveCost()));
                FocusScan.Taken taken = rate.map(r -> inBill.times(r.rate())).orElse(inBill);
                FocusScan.Period p = rate.map(r -> converted(billed, r.rate(), taken.total()))
                        .orElse(billed);
                Optional<BigDecimal> before = dao.lockPeriod(teamId, p.billingAccountId(), p.billingPeriodStart());
                dao.deletePeriod(teamId, p.billingAccountId(), p.billingPeriodStart());
                dao.insertPeriod(
                        teamId,
                        p.billingAccountId(),
                        p.billingPeriodStart(),
                        p.currency(),
                        rate.map(ExchangeRate::rate).orElse(null),
                        importId,
                        p.rows(),
                        p.effectiveCost(),
                        p.billedCost(),
                        taken.unallocated());
                Set<Long> services = new HashSet<>();
                YearMonth invoiced = YearMonth.from(p.billingPeriodStart().atZone(ZoneOffset.UTC));
                Map<YearMonth, BigDecimal> corrections = new TreeMap<>();
                taken.byMonth().forEach((month, sums) -> {
                    LocalDate first = month.atDay(1);
                    allocate(sums, rules).forEach((service, cost) -> {
                        services.add(service);
                        dao.insertAllocation(
                                teamId, p.billingAccountId(), p.billingPeriodStart(), first, service, cost);
                    });
                    BigDecimal unallocated = taken.unallocated(month);
                    if (unallocated.signum() != 0) {
                        dao.insertUnallocated(teamId, p.billingAccountId(), p.billingPeriodStart(), first, unallocated);
                    }
                    if (!month.equals(invoiced)) {
                        corrections.put(month, sums.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
                    }
                });
                int rank = 0;
                for (FocusScan.Line line : taken.largestUnallocated()) {
                    dao.insertUnallocatedLine(
                            teamId,
                            p.billingAccountId(),
                            p.billingPeriodStart(),
                            ++rank,
                            line.subAccountId(),
                            line.serviceName(),
                            line.resourceId(),
                            line.effectiveCost());
                }
                p.effectiveByCategory()
                        .forEach((category, cost) ->
                                dao.insertCharge(teamId, p.billingAccountId(), p.billingPeriodStart(), category, cost));
                lines.add(new Line(p, before, taken.unallocated(), services.size(), rate, corrections));
            }
            Map<String, Object> after = new HashMap<>();
            after.put("files", source);
            after.put("rows", rows);
            after.put("periods", lines.size());
            audit.record(
                    handle,
                    new AuditEntry(teamId, actor, "costs", source, "import", Optional.empty(), Optional.of(after)));
            List<CostRule> unmatched = rules.stream()
                    .filter(rule -> scan.taken().values().stream()
                            .noneMatch(taken -> taken.byRule().containsKey(rule.position())))
                    .toList();
            return new Imported(importId, lines, unmatched);
        });
    }

    /** The rate a bill is converted at: none in the workspace's currency; refused in one without a rate. */
    private static Optional<ExchangeRate> rate(FocusScan.Period p, Currency workspace, ExchangeRates rates) {
        if (workspace.getCurrencyCode().equalsIgnoreCase(String.valueOf(p.currency()))) {
            return Optional.empty();
        }
        Optional<Currency> billed = currency(p.currency());
        Optional<ExchangeRate> rate = billed.flatMap(rates::from);
        if (rate.isEmpty()) {
            throw new UserError("Billing account " + p.billingAccountId() + " is billed in " + p.currency()
                    + ", and Drumbeat counts this workspace's money in " + workspace.getCurrencyCode()
                    + "; nothing was imported."
                    + billed.map(c -> " An admin can set the rate to count it at with `/drumbeat settings rate "
                                    + c.getCurrencyCode() + " <rate>`.")
                            .orElse(""));
        }
        return rate;
    }

    private static Optional<Currency> currency(String code) {
        try {
            return Optional.of(Currency.getInstance(code.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /**
     * A bill's figures at {@code rate}; its amortised total is the sum of its converted parts, so what was allocated
     * and what was not still add up to it exactly.
     */
    private static FocusScan.Period converted(FocusScan.Period p, BigDecimal rate, BigDecimal effective) {
        Map<String, BigDecimal> byCategory = new LinkedHashMap<>();
        p.effectiveByCategory().forEach((category, cost) -> byCategory.put(category, FocusScan.times(cost, rate)));
        return new FocusScan.Period(
                p.billingAccountId(),
                p.billingPeriodStart(),
                p.currency(),
                p.rows(),
                effective,
                FocusScan.times(p.billedCost(), rate),
                byCategory);
    }

    /**
     * What each service gets of what the rules took: a rule's sum to its one service, or split by its percentages,
     * each share exact to the millionth and the last share taking what is left, so the shares add up to the sum.
     */
    static Map<Long, BigDecimal> allocate(Map<Integer, BigDecimal> byRule, List<CostRule> rules) {
        Map<Long, BigDecimal> byService = new LinkedHashMap<>();
        for (CostRule rule : rules) {
            BigDecimal sum = byRule.get(rule.position());
            if (sum == null) {
                continue;
            }
            BigDecimal left = sum;
            List<Map.Entry<Long, BigDecimal>> shares =
                    new ArrayList<>(rule.shares().entrySet());
            for (int i = 0; i < shares.size(); i++) {
                BigDecimal share = i == shares.size() - 1
                        ? left
                        : sum.multiply(shares.get(i).getValue()).divide(HUNDRED, MILLIONTHS, RoundingMode.HALF_EVEN);
                left = left.subtract(share);
                byService.merge(shares.get(i).getKey(), share, BigDecimal::add);
            }
        }
        return byService;
    }

    /**
     * One line per account and month: what it came to, and by how much a re-import changed it; then one per rule that
     * matched nothing.
     */
    public static List<String> describe(Imported imported, Money money) {
        List<String> said = new ArrayList<>(months(imported, money));
        imported.unmatched()
                .forEach(rule ->
                        said.add("rule " + rule.position() + " (" + rule.kind().word() + " "
                                + rule.key().map(key -> key + "=").orElse("") + rule.value()
                                + ") matched nothing in these bills; check its spelling with `drumbeat costs rules`."));
        return said;
    }

    private static List<String> months(Imported imported, Money money) {
        return imported.lines().stream()
                .map(line -> {
                    FocusScan.Period p = line.period();
                    YearMonth month = YearMonth.from(p.billingPeriodStart().atZone(ZoneOffset.UTC));
                    String said = "account " + p.billingAccountId() + ", "
                            + month.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + month.getYear()
                            + ": " + money.cents(p.effectiveCost()) + " amortised (" + p.rows() + " rows"
                            + apart(p, money) + "), "
                            + money.cents(p.effectiveCost().subtract(line.unallocated())) + " to "
                            + line.services() + (line.services() == 1 ? " service" : " services") + ", "
                            + money.cents(line.unallocated()) + " unallocated";
                    String rate = line.rate()
                            .map(r -> ", converted from " + p.currency() + " at " + r.words())
                            .orElse("");
                    String corrections = line.corrections().isEmpty()
                            ? ""
                            : "; corrections counted in the months they correct: "
                                    + line.corrections().entrySet().stream()
                                            .map(c -> c.getKey().getMonth().getDisplayName(TextStyle.FULL, Locale.UK)
                                                    + " " + c.getKey().getYear() + " "
                                                    + money.signedCents(c.getValue()))
                                            .collect(Collectors.joining(", "));
                    return line.before()
                                    .map(before -> said + ", replacing " + money.cents(before) + " imported before ("
                                            + money.signedCents(
                                                    p.effectiveCost().subtract(before)) + ")")
                                    .orElse(said)
                            + rate
                            + corrections;
                })
                .toList();
    }

    /** The figures kept apart from usage, such as {@code ; credits −$50.25, tax $100.10}, in a fixed order. */
    private static String apart(FocusScan.Period p, Money money) {
        List<String> apart = new ArrayList<>();
        for (String category : List.of("Purchase", "Credit", "Adjustment", "Tax")) {
            BigDecimal cost = p.effectiveByCategory().get(category);
            if (cost != null && cost.signum() != 0) {
                String word = switch (category) {
                    case "Purchase" -> "purchases";
                    case "Credit" -> "credits";
                    case "Adjustment" -> "adjustments";
                    default -> "tax";
                };
                apart.add(word + " " + money.cents(cost));
            }
        }
        return apart.isEmpty() ? "" : "; " + String.join(", ", apart);
    }

    private static void refuseMixedCurrencies(List<FocusScan.Period> periods) {
        Map<String, String> currencyOf = new HashMap<>();
        for (FocusScan.Period p : periods) {
            String key = p.billingAccountId() + "/" + p.billingPeriodStart();
            String earlier = currencyOf.putIfAbsent(key, p.currency());
            if (earlier != null && !earlier.equals(p.currency())) {
                throw new UserError("Billing account " + p.billingAccountId() + " is billed in both " + earlier
                        + " and " + p.currency() + " in one month; Drumbeat never adds up different currencies, so"
                        + " nothing was imported.");
            }
        }
    }
}
