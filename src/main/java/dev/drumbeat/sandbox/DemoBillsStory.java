package dev.drumbeat.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * What Northwind Bank's cloud bills say, month by month, for the eight whole months before the clock's and the month
 * so far: each billed service costs about its plan (unit cost × demand), give or take a few percent, except that the
 * Mobile Banking App's hosting creeps up 22% over six months and the Data Warehouse's BigQuery bill jumps 40% in the
 * latest whole month. A shared Kubernetes cluster is split 50/30/20 by a rule, about 3% of the bill is untagged,
 * Security Operations' log ingestion is billed twice one day and corrected two invoices later, and the bills carry
 * tax, credits and a savings plan bought up front. Deterministic: the same clock always draws the same bills.
 */
final class DemoBillsStory {
    static final int WHOLE_MONTHS = 8;
    static final String CREEPING = "mobile-banking-app";
    static final String SPIKING = "data-warehouse";
    static final String CORRECTED = "siem-soc";
    static final String CLUSTER = "shared-cluster";
    static final String UNTAGGED = "untagged";

    private static final long SEED = 15;
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    /** The creep over its six months, and the spike over the month before it. */
    private static final BigDecimal CREEP = new BigDecimal("0.22");

    private static final BigDecimal SPIKE = new BigDecimal("1.40");
    /**
     * Ordinary months wander around a service's level: a month keeps {@link #PULL} of the month before's distance from
     * it and adds a fresh step of at most {@link #STEP}, so every month stays within {@link #BAND} of the level and
     * moves less than 4% from the one before.
     */
    private static final double BAND = 0.03;

    private static final double PULL = 0.4;

    private static final double STEP = 0.018;
    /** The creep's own wobble: steady, not ruled. */
    private static final double STEADY = 0.003;

    private static final BigDecimal CLUSTER_COST = BigDecimal.valueOf(80_000);
    private static final BigDecimal UNTAGGED_SHARE = new BigDecimal("0.031");
    /** What each billed service costs against its plan, before noise; the creeping one at the start of its creep. */
    private static final Map<String, BigDecimal> LEVELS = Map.ofEntries(
            level("mobile-banking-app", "1.00"),
            level("online-banking", "0.96"),
            level("payments-gateway", "1.03"),
            level("cloud-landing-zone", "0.98"),
            level("api-gateway", "1.04"),
            level("customer-notifications", "0.95"),
            level("kyc-onboarding", "1.02"),
            level("developer-platform", "0.97"),
            level("test-environments", "1.06"),
            level("siem-soc", "1.05"),
            level("fraud-detection", "0.94"),
            level("backup-recovery", "0.99"),
            level("document-management", "1.08"),
            level("data-warehouse", "0.96"),
            level("risk-engine", "0.97"));
    /** The shared cluster's split, as the rule in demo/cost-rules.csv has it. */
    private static final Map<String, Integer> CLUSTER_PERCENT =
            Map.of("api-gateway", 50, "customer-notifications", 30, "kyc-onboarding", 20);

    /** A charge of one line in one invoice month, in millionths of a dollar, billed day by day or once. */
    record Charge(
            DemoBillLines.Line line,
            YearMonth invoice,
            String category,
            Optional<String> chargeClass,
            String description,
            LocalDate from,
            LocalDate to,
            boolean daily,
            long effective,
            long billed) {}

    private final YearMonth current;
    private final int elapsedDays;
    private final Map<String, BigDecimal> bases;

    DemoBillsStory(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        this.current = YearMonth.from(today);
        this.elapsedDays = today.getDayOfMonth() - 1;
        this.bases = bases(plans());
    }

    /** The whole months billed, oldest first; the last is the one before the clock's. */
    List<YearMonth> wholeMonths() {
        return IntStream.range(0, WHOLE_MONTHS)
                .mapToObj(i -> current.minusMonths(WHOLE_MONTHS - i))
                .toList();
    }

    /** Every charge of every month, the month so far billed through yesterday. */
    List<Charge> charges(Map<String, List<DemoBillLines.Line>> centres) {
        List<Charge> charges = new ArrayList<>();
        for (int i = 0; i <= WHOLE_MONTHS; i++) {
            YearMonth month = current.minusMonths(WHOLE_MONTHS - i);
            for (Map.Entry<String, List<DemoBillLines.Line>> centre : centres.entrySet()) {
                charges.addAll(month(centre.getKey(), centre.getValue(), i, month));
            }
        }
        charges.addAll(DemoBillsExtras.of(this, centres));
        return charges;
    }

    private List<Charge> month(String centre, List<DemoBillLines.Line> lines, int i, YearMonth month) {
        long[] amounts = amounts(centre, lines, i);
        boolean soFar = i == WHOLE_MONTHS;
        List<Charge> charges = new ArrayList<>();
        for (int j = 0; j < lines.size(); j++) {
            DemoBillLines.Line line = lines.get(j);
            if (soFar && (!line.daily() || elapsedDays == 0)) {
                continue;
            }
            long amount = soFar ? amounts[j] * elapsedDays / month.lengthOfMonth() : amounts[j];
            LocalDate to =
                    soFar ? month.atDay(1 + elapsedDays) : month.plusMonths(1).atDay(1);
            charges.add(new Charge(
                    line,
                    month,
                    line.charge(),
                    Optional.empty(),
                    line.usage(),
                    month.atDay(1),
                    to,
                    line.daily(),
                    amount,
                    line.commitment().isPresent() ? 0 : amount));
        }
        return charges;
    }

    /** What each of a centre's lines comes to in month {@code i} (whole month), the spike all on its first line. */
    long[] amounts(String centre, List<DemoBillLines.Line> lines, int i) {
        if (centre.equals(SPIKING) && i == WHOLE_MONTHS - 1) {
            long[] amounts = split(target(centre, i - 1), lines);
            amounts[0] += target(centre, i) - target(centre, i - 1);
            return amounts;
        }
        return split(target(centre, i), lines);
    }

    /** A centre's whole-month cost in month {@code i} (0 the oldest, {@link #WHOLE_MONTHS} the month so far). */
    long target(String centre, int i) {
        BigDecimal base = bases.get(centre);
        if (base == null) {
            throw new IllegalStateException("demo/bill-lines.csv: nothing says what " + centre + " costs");
        }
        return base.multiply(factors(centre)[i])
                .multiply(MILLION)
                .setScale(0, RoundingMode.HALF_EVEN)
                .longValueExact();
    }

    /** Month by month, what a centre costs against its level: noise, the creep, or the spike. */
    private static BigDecimal[] factors(String centre) {
        SplittableRandom random = new SplittableRandom(SEED * 1_000_003 + centre.hashCode());
        BigDecimal[] factors = new BigDecimal[WHOLE_MONTHS + 1];
        double noise = random.nextDouble(-BAND, BAND);
        for (int i = 0; i <= WHOLE_MONTHS; i++) {
            noise = i == 0 ? noise : PULL * noise + random.nextDouble(-STEP, STEP);
            factors[i] = BigDecimal.ONE.add(BigDecimal.valueOf(noise).setScale(4, RoundingMode.HALF_EVEN));
            if (centre.equals(CREEPING)) {
                BigDecimal creep = CREEP.multiply(BigDecimal.valueOf(Math.max(0, i - 1)))
                        .divide(BigDecimal.valueOf(6), 6, RoundingMode.HALF_EVEN);
                BigDecimal steady =
                        BigDecimal.valueOf(random.nextDouble(-STEADY, STEADY)).setScale(4, RoundingMode.HALF_EVEN);
                factors[i] = BigDecimal.ONE.add(creep).multiply(BigDecimal.ONE.add(steady));
            }
        }
        if (centre.equals(SPIKING)) {
            factors[WHOLE_MONTHS - 1] = factors[WHOLE_MONTHS - 2].multiply(SPIKE);
        }
        return factors;
    }

    /** {@code total} shared among {@code lines} by weight, the last line taking what rounding leaves. */
    static long[] split(long total, List<DemoBillLines.Line> lines) {
        BigDecimal weights = lines.stream().map(DemoBillLines.Line::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        long[] amounts = new long[lines.size()];
        long left = total;
        for (int j = 0; j < lines.size() - 1; j++) {
            amounts[j] = BigDecimal.valueOf(total)
                    .multiply(lines.get(j).weight())
                    .divide(weights, 0, RoundingMode.HALF_EVEN)
                    .longValueExact();
            left -= amounts[j];
        }
        amounts[lines.size() - 1] = left;
        return amounts;
    }

    /** Each centre's monthly cost before noise: a service's plan at its level less its share of the cluster. */
    private static Map<String, BigDecimal> bases(Map<String, BigDecimal> plans) {
        Map<String, BigDecimal> bases = new LinkedHashMap<>();
        LEVELS.forEach((service, level) -> bases.put(
                service,
                plans.get(service)
                        .multiply(level)
                        .subtract(CLUSTER_COST
                                .multiply(BigDecimal.valueOf(CLUSTER_PERCENT.getOrDefault(service, 0)))
                                .divide(BigDecimal.valueOf(100)))));
        bases.put(CLUSTER, CLUSTER_COST);
        BigDecimal billed = bases.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        bases.put(UNTAGGED, billed.multiply(UNTAGGED_SHARE));
        return bases;
    }

    private static Map<String, BigDecimal> plans() {
        Map<String, BigDecimal> plans = new LinkedHashMap<>();
        DemoPortfolioCatalog.services()
                .forEach(s -> plans.put(s.key(), s.unitCost().multiply(s.monthlyDemand())));
        return plans;
    }

    private static Map.Entry<String, BigDecimal> level(String service, String level) {
        return Map.entry(service, new BigDecimal(level));
    }
}
