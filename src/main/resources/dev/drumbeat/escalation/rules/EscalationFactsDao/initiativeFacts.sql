-- Every planned or active initiative of every workspace, with how many active services are linked to it and how
-- many of those are red. Red counts the service's latest check-in if it is for the period under way in its owner's
-- zone or the one before, so the count does not drop to nothing each week before owners have answered.
-- :zones, :periods and :utc are as in serviceFacts.sql.
with zone_period (tz, period_start) as (
    select z.tz, cast(z.period_start as date)
      from unnest(cast(:zones as text[]), cast(:periods as text[])) as z (tz, period_start)
),
linked as (
    select l.initiative_id, count(*) as linked_services, count(*) filter (where recent.status = 'red') as linked_red
      from initiative_services l
      join services s on s.id = l.service_id and s.active
      left join people o on o.team_id = s.team_id and o.user_id = s.owner_id
      left join zone_period zp on zp.tz = o.tz
      left join lateral (
              select c.status
                from checkins c
               where c.service_id = s.id and c.period_start >= coalesce(zp.period_start, cast(:utc as date)) - 7
               order by c.period_start desc
               limit 1) recent on true
     group by l.initiative_id
)
select i.id, i.team_id, i.key, i.name, i.owner_id, i.due_date, i.status,
       coalesce(l.linked_services, 0) as linked_services,
       coalesce(l.linked_red, 0) as linked_red
  from initiatives i
  left join linked l on l.initiative_id = i.id
 where i.status in ('planned', 'active')
 order by i.team_id, i.id
