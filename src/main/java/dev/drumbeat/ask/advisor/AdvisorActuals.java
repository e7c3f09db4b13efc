package dev.drumbeat.ask.advisor;

import dev.drumbeat.costs.CostMonths;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Swaps a service's plan for what it actually costs: where the workspace's latest whole month of bills gave the service
 * something, deprioritising it saves that, not unit cost × demand. Read afresh for every answer, outside the portfolio
 * kept by catalog version ({@link AdvisorPortfolios}): an import changes no catalog row, and a month ending makes another
 * month the latest whole one with no change at all. A month not over is never used. Two small reads. Thread-safe.
 */
public final class AdvisorActuals {
    private final CostMonths costs;

    public AdvisorActuals(Jdbi jdbi, Clock clock) {
        this.costs = new CostMonths(jdbi, clock);
    }

    /** The items, each service the bills gave something saving that instead of its plan. */
    public List<PortfolioItem> apply(String teamId, List<PortfolioItem> items) {
        Optional<YearMonth> latest = costs.latestWhole(teamId);
        if (latest.isEmpty()) {
            return items;
        }
        YearMonth month = latest.get();
        Map<Long, SortedMap<YearMonth, BigDecimal>> billed = costs.services(teamId, month, month);
        if (billed.isEmpty()) {
            return items;
        }
        return items.stream()
                .map(item -> item.candidate().kind() == Candidate.Kind.SERVICE && billed.containsKey(item.id())
                        ? item.billed(month, billed.get(item.id()).get(month))
                        : item)
                .toList();
    }
}
