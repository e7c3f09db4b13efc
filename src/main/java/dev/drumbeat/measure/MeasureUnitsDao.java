package dev.drumbeat.measure;

import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** The unit each binding's number is in: its KPI's unit, or for demand the service's unit name. On the caller's handle. */
final class MeasureUnitsDao {
    private static final String UNITS = """
            select b.id, coalesce(k.unit, s.unit_name) as unit
              from measure_bindings b
              join services s on s.id = b.service_id
              left join kpis k on k.id = b.kpi_id
            """;

    private final Handle handle;

    MeasureUnitsDao(Handle handle) {
        this.handle = handle;
    }

    String of(long bindingId) {
        return handle.createQuery(UNITS + " where b.id = :id")
                .bind("id", bindingId)
                .map((rs, ctx) -> rs.getString("unit"))
                .findOne()
                .orElse("");
    }

    /** Binding id to unit, for every binding of a workspace. */
    Map<Long, String> ofTeam(String teamId) {
        Map<Long, String> units = new HashMap<>();
        handle.createQuery(UNITS + " where b.team_id = :team")
                .bind("team", teamId)
                .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getString("unit")))
                .forEach(unit -> units.put(unit.getKey(), unit.getValue()));
        return units;
    }
}
