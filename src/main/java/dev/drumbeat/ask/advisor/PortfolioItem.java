package dev.drumbeat.ask.advisor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Candidate} with what the answer and a recorded decision need beside the numbers: its row id, the names of
 * its KPIs on target today (the ones a cut would stop serving), the key results its KPIs measure (counted among its
 * open dependencies), and, when its saving is what the bills say it actually cost, which month and the plan that
 * saving replaced.
 */
public record PortfolioItem(
        long id, Candidate candidate, List<String> kpisOnTarget, List<String> keyResults, Optional<Billed> billed) {

    /** A saving from the bills: the whole month they are for, and the plan (unit cost × demand) it stands in for. */
    public record Billed(YearMonth month, BigDecimal plan) {}

    public PortfolioItem {
        kpisOnTarget = List.copyOf(kpisOnTarget);
        keyResults = List.copyOf(keyResults);
    }

    /** An item whose saving is its plan. */
    public PortfolioItem(long id, Candidate candidate, List<String> kpisOnTarget, List<String> keyResults) {
        this(id, candidate, kpisOnTarget, keyResults, Optional.empty());
    }

    /** The same item saving {@code actual}, what the bills of {@code month} say it cost, instead of its plan. */
    PortfolioItem billed(YearMonth month, BigDecimal actual) {
        Candidate c = candidate;
        Candidate billedCandidate = new Candidate(
                c.key(),
                c.name(),
                c.kind(),
                c.tier(),
                c.isProtected(),
                actual.setScale(2, RoundingMode.HALF_UP),
                c.monthlyValueLost(),
                c.demand(),
                c.kpisOnTarget(),
                c.openDependencies(),
                c.ownerId());
        return new PortfolioItem(
                id, billedCandidate, kpisOnTarget, keyResults, Optional.of(new Billed(month, c.monthlySaving())));
    }

    /** The plan the item's saving is or stands in for: unit cost × demand, or an initiative's monthly budget. */
    public BigDecimal plan() {
        return billed.map(Billed::plan).orElse(candidate.monthlySaving());
    }
}
