package dev.drumbeat.support;

import org.jdbi.v3.core.Jdbi;

/** Plain-SQL test data: a workspace, people and services, written the way the schema stores them. */
public final class Seed {
    private final Jdbi jdbi;
    private final String teamId;

    public Seed(Jdbi jdbi, String teamId) {
        this.jdbi = jdbi;
        this.teamId = teamId;
        jdbi.useHandle(h -> h.execute("insert into workspaces (team_id, name) values (?, 'Test') on conflict do nothing", teamId));
    }

    public Seed person(String userId, String name, String role) {
        jdbi.useHandle(h -> h.execute("insert into people (team_id, user_id, name, real_name, role) values (?, ?, ?, ?, ?)",
                teamId, userId, name, name.substring(0, 1).toUpperCase() + name.substring(1), role));
        return this;
    }

    public Seed deactivated(String userId) {
        jdbi.useHandle(h -> h.execute("update people set deactivated = true where team_id = ? and user_id = ?", teamId, userId));
        return this;
    }

    /** A service; {@code ownerId} may be null. Unit cost, demand and value are plain numbers. */
    public Seed service(String key, String name, String tier, String ownerId, String unitCost, String demand, String value) {
        jdbi.useHandle(h -> h.execute("""
                insert into services (team_id, key, name, tier, owner_id, unit_cost, unit_name, monthly_demand, monthly_value)
                values (?, ?, ?, ?, ?, cast(? as numeric), 'transaction', cast(? as numeric), cast(? as numeric))""",
                teamId, key, name, tier, ownerId, unitCost, demand, value));
        return this;
    }

    public Seed kpi(String serviceKey, String kpiKey, String name, String unit, String target, String direction, String lastValue) {
        jdbi.useHandle(h -> {
            long kpiId = h.createQuery("""
                    insert into kpis (team_id, service_id, key, name, unit, target, direction)
                    select team_id, id, ?, ?, ?, cast(? as numeric), ? from services where team_id = ? and key = ? returning id""")
                    .bind(0, kpiKey).bind(1, name).bind(2, unit).bind(3, target).bind(4, direction).bind(5, teamId).bind(6, serviceKey)
                    .mapTo(Long.class).one();
            h.execute("insert into kpi_readings (team_id, kpi_id, period_start, value) values (?, ?, date '2026-11-16', cast(? as numeric))",
                    teamId, kpiId, lastValue);
        });
        return this;
    }

    public Seed checkIn(String serviceKey, String status, String hurdle, String byUserId) {
        jdbi.useHandle(h -> h.execute("""
                insert into checkins (team_id, service_id, period_start, status, hurdle, submitted_by, submitted_at)
                select team_id, id, date '2026-11-16', ?, ?, ?, timestamptz '2026-11-16 14:00:00+00'
                  from services where team_id = ? and key = ?""", status, hurdle, byUserId, teamId, serviceKey));
        return this;
    }

    public int count(String table) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from " + table).mapTo(Integer.class).one());
    }
}
