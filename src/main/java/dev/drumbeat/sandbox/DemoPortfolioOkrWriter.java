package dev.drumbeat.sandbox;

import dev.drumbeat.okr.Quarter;
import dev.drumbeat.sandbox.DemoPortfolio.DemoPerson;
import dev.drumbeat.sandbox.DemoPortfolioCatalog.KpiRow;
import dev.drumbeat.sandbox.DemoPortfolioOkrs.KeyResultRow;
import dev.drumbeat.sandbox.DemoPortfolioOkrs.ObjectiveRow;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Inserts the demo's OKRs through one handle's {@link DemoPortfolioDao}: a batch of objectives, then their key results. */
final class DemoPortfolioOkrWriter {
    private final DemoPortfolioDao dao;
    private final String teamId;

    DemoPortfolioOkrWriter(DemoPortfolioDao dao, String teamId) {
        this.dao = dao;
        this.teamId = teamId;
    }

    /**
     * Objectives of {@code current} and the quarters before it, each set three weeks before its quarter began, and
     * their key results; a measured one must name a KPI of the demo's.
     */
    void write(
            List<ObjectiveRow> objectives, List<KpiRow> kpis, Map<String, DemoPerson> peopleByHandle, Quarter current) {
        Set<String> known =
                kpis.stream().map(k -> k.serviceKey() + "/" + k.key()).collect(Collectors.toSet());
        List<DemoPortfolioDao.NewObjective> rows = new ArrayList<>();
        List<DemoPortfolioDao.NewKeyResult> results = new ArrayList<>();
        for (ObjectiveRow objective : objectives) {
            Quarter quarter = current;
            for (int i = 0; i < objective.quartersAgo(); i++) {
                quarter = quarter.previous();
            }
            OffsetDateTime set = quarter.start().minusWeeks(3).atStartOfDay().atOffset(ZoneOffset.UTC);
            rows.add(new DemoPortfolioDao.NewObjective(
                    quarter.toString(),
                    objective.title(),
                    DemoPortfolioWriter.userId(Optional.of(objective.ownerHandle()), peopleByHandle),
                    objective.status(),
                    set));
            for (KeyResultRow kr : objective.keyResults()) {
                results.add(keyResult(quarter, objective, kr, known, peopleByHandle, set));
            }
        }
        dao.insertObjectives(teamId, rows);
        dao.insertKeyResults(teamId, results);
    }

    private static DemoPortfolioDao.NewKeyResult keyResult(
            Quarter quarter,
            ObjectiveRow objective,
            KeyResultRow kr,
            Set<String> knownKpis,
            Map<String, DemoPerson> peopleByHandle,
            OffsetDateTime set) {
        kr.serviceKey()
                .map(service -> service + "/" + kr.kpiKey().orElse(""))
                .filter(kpi -> !knownKpis.contains(kpi))
                .ifPresent(kpi -> {
                    throw new IllegalStateException("the demo's key result " + kr.title() + " names no KPI: " + kpi);
                });
        return new DemoPortfolioDao.NewKeyResult(
                quarter.toString(),
                objective.title(),
                kr.title(),
                kr.serviceKey().isPresent() ? "measured" : "milestone",
                DemoPortfolioWriter.userId(Optional.of(kr.ownerHandle()), peopleByHandle),
                kr.serviceKey().orElse(null),
                kr.kpiKey().orElse(null),
                kr.baseline(),
                kr.target(),
                kr.done(),
                kr.evidence().orElse(""),
                set);
    }
}
