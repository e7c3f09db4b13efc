package dev.drumbeat.ask.advisor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Seeded portfolios of the shapes that defeat a plain search, and exact reference answers for them. Heavy-tailed: a
 * few candidates saving thousands among many saving a few dollars, at random ratios of impact to saving. At cost:
 * impact equal to saving, so the problem is subset sum. Tied: a few distinct (saving, impact) pairs, repeated.
 * Savings are whole dollars, so a dynamic programme over every saving up to the target is the exact reference.
 */
final class HardPortfolios {
    private HardPortfolios() {}

    enum Shape {
        HEAVY_TAILED,
        AT_COST,
        TIED
    }

    /** {@code size} candidates of the shape; each saves at most {@code smallMax} dollars but the giants. */
    static List<Candidate> generate(Shape shape, Random random, int size, int smallMax) {
        return switch (shape) {
            case HEAVY_TAILED -> heavyTailed(random, size, smallMax);
            case AT_COST -> atCost(random, size, smallMax);
            case TIED -> tied(random, size, smallMax);
        };
    }

    private static List<Candidate> heavyTailed(Random random, int size, int smallMax) {
        int giants = Math.min(size, 1 + random.nextInt(12));
        List<Candidate> portfolio = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            long saving = i < giants ? smallMax * (50L + random.nextInt(250)) : 1 + random.nextInt(smallMax);
            portfolio.add(candidate("h" + i, saving, impactNear(random, saving)));
        }
        return portfolio;
    }

    private static List<Candidate> atCost(Random random, int size, int smallMax) {
        List<Candidate> portfolio = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            long saving =
                    random.nextInt(20) == 0 ? smallMax * (20L + random.nextInt(100)) : 1 + random.nextInt(smallMax);
            portfolio.add(candidate("c" + i, saving, BigDecimal.valueOf(saving)));
        }
        return portfolio;
    }

    private static List<Candidate> tied(Random random, int size, int smallMax) {
        int kinds = 2 + random.nextInt(10);
        long[] savings = new long[kinds];
        BigDecimal[] impacts = new BigDecimal[kinds];
        for (int k = 0; k < kinds; k++) {
            savings[k] = 1 + random.nextInt(smallMax);
            impacts[k] = random.nextInt(3) == 0 ? BigDecimal.valueOf(savings[k]) : impactNear(random, savings[k]);
        }
        List<Candidate> portfolio = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int k = random.nextInt(kinds);
            portfolio.add(candidate("t" + i, savings[k], impacts[k]));
        }
        return portfolio;
    }

    /**
     * {@code size} candidates in cents whose impact is their saving, a few of them worth a hundred times the rest:
     * subset sum in money.
     */
    static List<Candidate> atCostInCents(Random random, int size) {
        List<Candidate> portfolio = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            long cents = random.nextInt(200) == 0
                    ? random.nextLong(50_000_000, 500_000_000)
                    : random.nextLong(100, 3_000_000);
            BigDecimal amount = BigDecimal.valueOf(cents, 2);
            portfolio.add(new Candidate(
                    "m" + i,
                    "M" + i,
                    Candidate.Kind.SERVICE,
                    "core",
                    false,
                    amount,
                    amount,
                    BigDecimal.ZERO,
                    0,
                    0,
                    Optional.empty()));
        }
        return portfolio;
    }

    /** The saving of a random subset of about {@code share} of the portfolio: a target some set meets exactly. */
    static BigDecimal reachableTarget(Random random, List<Candidate> portfolio, double share) {
        return portfolio.stream()
                .filter(c -> random.nextDouble() < share)
                .map(Candidate::monthlySaving)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Impact at a random ratio to saving (log-normal, median 1.3), in cents. */
    private static BigDecimal impactNear(Random random, long saving) {
        double ratio = Math.exp(Math.log(1.3) + 0.6 * random.nextGaussian());
        return BigDecimal.valueOf(Math.round(saving * 100 * ratio), 2);
    }

    /** A share of the portfolio's total saving, in whole dollars. */
    static BigDecimal target(Random random, List<Candidate> portfolio) {
        long total = portfolio.stream()
                .mapToLong(c -> c.monthlySaving().longValueExact())
                .sum();
        double[] shares = {0.01, 0.02, 0.05};
        return BigDecimal.valueOf(Math.max(1, Math.round(total * shares[random.nextInt(shares.length)])));
    }

    static Candidate candidate(String key, long saving, BigDecimal valueLost) {
        return new Candidate(
                key,
                key,
                Candidate.Kind.SERVICE,
                "core",
                false,
                BigDecimal.valueOf(saving),
                valueLost,
                BigDecimal.ZERO,
                0,
                0,
                Optional.empty());
    }

    /**
     * The least impact of any set whose whole-dollar saving reaches {@code target}, by a table of the least impact (in
     * cents) for each saving up to it; empty if none does.
     */
    static Optional<BigDecimal> leastImpact(List<Candidate> portfolio, long target) {
        long[] least = new long[(int) target + 1];
        Arrays.fill(least, 1, least.length, Long.MAX_VALUE);
        for (Candidate c : portfolio) {
            int saving = (int) Math.min(target, c.monthlySaving().longValueExact());
            long impact = AdvisorRules.impact(c).movePointRight(2).longValueExact();
            for (int reached = (int) target; reached > 0; reached--) {
                long before = least[Math.max(0, reached - saving)];
                if (before != Long.MAX_VALUE && before + impact < least[reached]) {
                    least[reached] = before + impact;
                }
            }
        }
        long best = least[(int) target];
        return best == Long.MAX_VALUE ? Optional.empty() : Optional.of(BigDecimal.valueOf(best, 2));
    }
}
