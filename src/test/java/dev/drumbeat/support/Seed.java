package dev.drumbeat.support;

import org.jdbi.v3.core.Jdbi;

/** Plain-SQL test data: a workspace, people and services, written the way the schema stores them. */
public final class Seed {
    private final Jdbi jdbi;
    private final String teamId;

    public Seed(Jdbi jdbi, String teamId) {
        this.jdbi = jdbi;
        this.teamId = teamId;
        jdbi.useHandle(h ->
                h.execute("insert into workspaces (team_id, name) values (?, 'Test') on conflict do nothing", teamId));
    }

    public Seed person(String userId, String name, String role) {
        jdbi.useHandle(h -> h.execute(
                "insert into people (team_id, user_id, name, real_name, role) values (?, ?, ?, ?, ?)",
                teamId,
                userId,
                name,
                name.substring(0, 1).toUpperCase() + name.substring(1),
                role));
        return this;
    }

    public Seed deactivated(String userId) {
        jdbi.useHandle(h ->
                h.execute("update people set deactivated = true where team_id = ? and user_id = ?", teamId, userId));
        return this;
    }

    /** A service; {@code ownerId} may be null. Unit cost, demand and value are plain numbers. */
    public Seed service(
            String key, String name, String tier, String ownerId, String unitCost, String demand, String value) {
        jdbi.useHandle(h -> h.execute("""
                insert into services (team_id, key, name, tier, owner_id, unit_cost, unit_name, monthly_demand, monthly_value)
                values (?, ?, ?, ?, ?, cast(? as numeric), 'transaction', cast(? as numeric), cast(? as numeric))""", teamId, key, name, tier, ownerId, unitCost, demand, value));
        return this;
    }

    public Seed kpi(
            String serviceKey,
            String kpiKey,
            String name,
            String unit,
            String target,
            String direction,
            String lastValue) {
        jdbi.useHandle(h -> {
            long kpiId = h.createQuery("""
                    insert into kpis (team_id, service_id, key, name, unit, target, direction)
                    select team_id, id, ?, ?, ?, cast(? as numeric), ? from services where team_id = ? and key = ? returning id""")
                    .bind(0, kpiKey)
                    .bind(1, name)
                    .bind(2, unit)
                    .bind(3, target)
                    .bind(4, direction)
                    .bind(5, teamId)
                    .bind(6, serviceKey)
                    .mapTo(Long.class)
                    .one();
            h.execute(
                    "insert into kpi_readings (team_id, kpi_id, period_start, value) values (?, ?, date '2026-11-16', cast(? as numeric))",
                    teamId,
                    kpiId,
                    lastValue);
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

    /** An initiative relying on {@code serviceKeys}; {@code dueDate} (ISO) may be null. */
    public Seed initiative(
            String key,
            String name,
            String ownerId,
            String budget,
            String monthlySlipCost,
            String dueDate,
            String status,
            String... serviceKeys) {
        jdbi.useHandle(h -> {
            long id = h.createQuery("""
                    insert into initiatives (team_id, key, name, owner_id, budget, monthly_slip_cost, due_date, status)
                    values (?, ?, ?, ?, cast(? as numeric), cast(? as numeric), cast(? as date), ?) returning id""")
                    .bind(0, teamId)
                    .bind(1, key)
                    .bind(2, name)
                    .bind(3, ownerId)
                    .bind(4, budget)
                    .bind(5, monthlySlipCost)
                    .bind(6, dueDate)
                    .bind(7, status)
                    .mapTo(Long.class)
                    .one();
            for (String serviceKey : serviceKeys) {
                h.execute(
                        "insert into initiative_services (initiative_id, service_id, team_id)"
                                + " select ?, id, team_id from services where team_id = ? and key = ?",
                        id,
                        teamId,
                        serviceKey);
            }
        });
        return this;
    }

    public Seed deputy(String serviceKey, String deputyId) {
        jdbi.useHandle(h -> h.execute(
                "update services set deputy_id = ? where team_id = ? and key = ?", deputyId, teamId, serviceKey));
        return this;
    }

    /** A person's Slack time zone, such as {@code Pacific/Auckland}. */
    public Seed timeZone(String userId, String tz) {
        jdbi.useHandle(
                h -> h.execute("update people set tz = ? where team_id = ? and user_id = ?", tz, teamId, userId));
        return this;
    }

    /** A weekly prompt DM to {@code userId} for the period, listing the services; returns its id. */
    public long prompt(String userId, String periodStart, String... serviceKeys) {
        return jdbi.inTransaction(h -> {
            long id = h.createQuery("""
                    insert into checkin_prompts (team_id, user_id, period_start, outbox_key, prompted_at, reminder_due_at)
                    values (?, ?, cast(? as date), ?, now(), now() + interval '1 day') returning id""")
                    .bind(0, teamId)
                    .bind(1, userId)
                    .bind(2, periodStart)
                    .bind(3, "prompt:" + teamId + ":" + userId + ":" + periodStart)
                    .mapTo(Long.class)
                    .one();
            for (String key : serviceKeys) {
                h.execute("""
                        insert into checkin_prompt_services (prompt_id, service_id)
                        select ?, id from services where team_id = ? and key = ?""", id, teamId, key);
            }
            return id;
        });
    }

    public int count(String table) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from " + table)
                .mapTo(Integer.class)
                .one());
    }
}
