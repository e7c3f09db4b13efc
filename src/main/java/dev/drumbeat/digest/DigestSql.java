package dev.drumbeat.digest;

import dev.drumbeat.catalog.CatalogTotals;

/** The digest's reads, one query each whatever the catalog's size, kept together so the figures read in one place. */
final class DigestSql {
    private DigestSql() {
    }

    /** Every workspace with its digest settings, the defaults where it has no row yet. */
    static final String WORKSPACES = """
            select w.team_id, coalesce(es.digest_day, 'FRIDAY') as digest_day, coalesce(es.digest_hour, 16) as digest_hour,
                   coalesce(es.digest_tz, 'UTC') as digest_tz
              from workspaces w
              left join escalation_settings es on es.team_id = w.team_id
             order by w.team_id""";

    /** Active services with their owner's standing and their latest check-in (index checkins_latest). */
    static final String SERVICES = """
            select s.id, s.key, s.name, s.tier, s.owner_id, coalesce(nullif(o.real_name, ''), o.name) as owner_name,
                   (o.user_id is not null and not o.deactivated) as owner_active,
                   s.unit_cost, s.monthly_demand, s.monthly_value,
                   c.period_start as checkin_period, c.status as checkin_status, c.hurdle as checkin_hurdle
              from services s
              left join people o on o.team_id = s.team_id and o.user_id = s.owner_id
              left join lateral (select period_start, status, hurdle from checkins c
                                  where c.service_id = s.id order by c.period_start desc limit 1) c on true
             where s.team_id = :team and s.active
             order by s.id""";

    /** Open escalations, most urgent first: highest level, then oldest. */
    static final String OPEN_ESCALATIONS = """
            select e.id, e.subject_kind, e.reason, e.detail, e.level, e.opened_at, e.snoozed_until,
                   coalesce(s.key, i.key, '') as key, coalesce(s.name, i.name, e.subject_kind || ' ' || e.subject_id) as name,
                   coalesce(nullif(o.real_name, ''), o.name) as owner_name
              from escalations e
              left join services s on e.subject_kind = 'service' and s.id = e.subject_id
              left join initiatives i on e.subject_kind = 'initiative' and i.id = e.subject_id
              left join people o on o.team_id = e.team_id and o.user_id = coalesce(s.owner_id, i.owner_id)
             where e.team_id = :team and e.closed_at is null
             order by e.level desc, e.opened_at, e.id""";

    /** The catalog's totals by tier as they stood at {@code :since}; see {@link CatalogTotals#SQL}. */
    static final String TOTALS_AT = CatalogTotals.SQL;
}
