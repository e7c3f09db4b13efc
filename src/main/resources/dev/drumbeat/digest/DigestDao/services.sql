-- Active services with their owner's standing, their latest check-in (index checkins_latest) and whether a
-- standing decision has them deprioritised (being wound down).
select s.id, s.key, s.name, s.tier, s.owner_id, coalesce(nullif(o.real_name, ''), o.name) as owner_name,
       (o.user_id is not null and not o.deactivated) as owner_active,
       s.unit_cost, s.monthly_demand, s.monthly_value,
       c.period_start as checkin_period, c.status as checkin_status, c.hurdle as checkin_hurdle,
       s.deprioritised_by is not null as winding_down
  from services s
  left join people o on o.team_id = s.team_id and o.user_id = s.owner_id
  left join lateral (select period_start, status, hurdle from checkins c
                      where c.service_id = s.id order by c.period_start desc limit 1) c on true
 where s.team_id = :team and s.active
 order by s.id
