package dev.drumbeat.ask;

import java.util.List;

/**
 * A {@link Candidate} with what the answer and a recorded decision need beside the numbers: its row id, and the
 * names of its KPIs on target today (the ones a cut would stop serving).
 */
record PortfolioItem(long id, Candidate candidate, List<String> kpisOnTarget) {
    PortfolioItem {
        kpisOnTarget = List.copyOf(kpisOnTarget);
    }
}
