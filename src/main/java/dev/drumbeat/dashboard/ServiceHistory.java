package dev.drumbeat.dashboard;

import dev.drumbeat.catalog.ServiceCard;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** A service's KPIs with their ids, and its weekly history of check-ins and KPI values, newest first. */
final class ServiceHistory {
    /** Half a year of weeks. */
    static final int WEEKS = 26;

    private ServiceHistory() {}

    static List<ServiceDetail.Kpi> kpis(Jdbi jdbi, String teamId, ServiceCard card) {
        Map<String, Long> ids = jdbi.withExtension(
                DashboardDao.class, dao -> dao.kpiIds(teamId, card.service().id()));
        return card.kpis().stream()
                .map(k -> new ServiceDetail.Kpi(ids.get(k.key()), k))
                .toList();
    }

    static List<ServiceDetail.Week> weeks(Jdbi jdbi, String teamId, long serviceId, Map<String, String> names) {
        return jdbi.withExtension(DashboardDao.class, dao -> {
            List<DashboardDao.Week> weeks = dao.weeks(teamId, serviceId, WEEKS);
            if (weeks.isEmpty()) {
                return List.of();
            }
            Map<Long, String> keys = invert(dao.kpiIds(teamId, serviceId));
            Map<LocalDate, Map<String, BigDecimal>> values = new HashMap<>();
            for (DashboardDao.Reading r :
                    dao.readings(teamId, serviceId, weeks.get(weeks.size() - 1).periodStart())) {
                values.computeIfAbsent(r.periodStart(), p -> new HashMap<>())
                        .put(keys.get(r.kpiId()), r.value().stripTrailingZeros());
            }
            return weeks.stream()
                    .map(w -> new ServiceDetail.Week(
                            w.periodStart(),
                            w.status(),
                            w.hurdle(),
                            w.submittedBy().map(id -> names.getOrDefault(id, id)),
                            w.submittedAt(),
                            Map.copyOf(values.getOrDefault(w.periodStart(), Map.of()))))
                    .toList();
        });
    }

    private static Map<Long, String> invert(Map<String, Long> ids) {
        Map<Long, String> keys = new HashMap<>();
        ids.forEach((key, id) -> keys.put(id, key));
        return keys;
    }
}
