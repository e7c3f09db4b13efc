package dev.drumbeat.ask.advisor;

import java.util.List;

/**
 * A {@link Candidate} with what the answer and a recorded decision need beside the numbers: its row id, the names of
 * its KPIs on target today (the ones a cut would stop serving), and the key results its KPIs measure (counted among
 * its open dependencies).
 */
public record PortfolioItem(long id, Candidate candidate, List<String> kpisOnTarget, List<String> keyResults) {
    public PortfolioItem {
        kpisOnTarget = List.copyOf(kpisOnTarget);
        keyResults = List.copyOf(keyResults);
    }
}
