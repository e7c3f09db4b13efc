package dev.drumbeat.escalation;

/** The longer statements of {@link EscalationDao}, kept apart so the interface reads as a list of operations. */
final class EscalationDaoSql {
    private EscalationDaoSql() {
    }

    /** Services and initiatives by id, each with its owner's state and the deputies still active in Slack. */
    static final String ITEMS = """
            select 'service' as kind, s.id, s.key, s.name, s.active, s.owner_id,
                   coalesce(not o.deactivated, false) as owner_active, coalesce(o.tz, 'UTC') as owner_tz, o.away_until,
                   ad.user_id as away_deputy_id, d.user_id as deputy_id, s.team_channel
              from services s
              left join people o on o.team_id = s.team_id and o.user_id = s.owner_id
              left join people ad on ad.team_id = s.team_id and ad.user_id = o.away_deputy_id and not ad.deactivated
              left join people d on d.team_id = s.team_id and d.user_id = s.deputy_id and not d.deactivated
             where s.team_id = :teamId and s.id = any(:serviceIds)
            union all
            select 'initiative', i.id, i.key, i.name, i.status not in ('done', 'cancelled'), i.owner_id,
                   coalesce(not o.deactivated, false), coalesce(o.tz, 'UTC'), o.away_until,
                   ad.user_id, null, null
              from initiatives i
              left join people o on o.team_id = i.team_id and o.user_id = i.owner_id
              left join people ad on ad.team_id = i.team_id and ad.user_id = o.away_deputy_id and not ad.deactivated
             where i.team_id = :teamId and i.id = any(:initiativeIds)""";

    static final String LIST_OPEN = """
            select e.id, e.subject_kind, e.subject_id, e.reason, e.detail, e.level, e.opened_at,
                   e.acknowledged_by is not null as acknowledged, e.snoozed_until,
                   coalesce(s.key, i.key, '?') as key, coalesce(s.name, i.name, 'something removed') as name,
                   count(*) over () as total
              from escalations e
              left join services s on e.subject_kind = 'service' and s.id = e.subject_id
              left join initiatives i on e.subject_kind = 'initiative' and i.id = e.subject_id
             where e.team_id = :teamId and e.closed_at is null and e.reason = any(:reasons)
             order by e.opened_at, e.id
             limit :limit""";
}
