-- Services and initiatives by id, each with its owner's state and the deputies still active in Slack.
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
 where i.team_id = :teamId and i.id = any(:initiativeIds)
