-- Facts for every active service of every workspace, in one query (see ServiceFacts).
-- :zones and :periods pair each time zone with the period under way there; an owner whose zone is not among
-- them counts as UTC (:utc), as Periods.zone does.
-- Streaks are walked back from the latest row, one week at a time, through the (id, period_start desc) indexes, and
-- stop at the first week that breaks them: the cost follows the number of services and the length of their current
-- streaks, not the length of their history.
with recursive zone_period (tz, period_start) as (
    select z.tz, cast(z.period_start as date)
      from unnest(cast(:zones as text[]), cast(:periods as text[])) as z (tz, period_start)
),
latest_checkin as (
    select s.id as service_id, c.period_start, c.status
      from services s
     cross join lateral (select c.period_start, c.status
                           from checkins c
                          where c.service_id = s.id
                          order by c.period_start desc
                          limit 1) c
     where s.active
),
-- The red streak: the latest check-in if red, then each check-in exactly a week earlier while it is red too.
red_walk (service_id, period_start) as (
    select service_id, period_start from latest_checkin where status = 'red'
    union all
    select w.service_id, c.period_start
      from red_walk w
      join checkins c on c.service_id = w.service_id and c.period_start = w.period_start - 7 and c.status = 'red'
),
red_streak as (
    select service_id, count(*) as streak from red_walk group by service_id
),
-- Each KPI's latest reading, as kept on the KPI by the kpi_readings triggers (V10): the latest period, and within it
-- the latest recorded. Direction 'up' means a value at or above the target is on target, 'down' at or below.
latest_reading as (
    select k.id as kpi_id, k.service_id, k.key, k.name, k.target, k.direction, k.latest_period as period_start,
           k.latest_value as value
      from kpis k
      join services s on s.id = k.service_id and s.active
     where k.latest_period is not null
),
-- The current off-target run of each KPI, walked back the same way as the red streak.
off_walk (kpi_id, target, direction, period_start) as (
    select kpi_id, target, direction, period_start
      from latest_reading
     where case when direction = 'up' then value < target else value > target end
    union all
    select w.kpi_id, w.target, w.direction, w.period_start - 7
      from off_walk w
     cross join lateral (select r.value
                           from kpi_readings r
                          where r.kpi_id = w.kpi_id and r.period_start = w.period_start - 7
                          order by r.recorded_at desc, r.id desc
                          limit 1) r
     where case when w.direction = 'up' then r.value < w.target else r.value > w.target end
),
-- The service's KPI with the longest current run (ties: the first by key).
worst_kpi as (
    select distinct on (lr.service_id) lr.service_id, lr.name, runs.off_run
      from (select kpi_id, count(*) as off_run from off_walk group by kpi_id) runs
      join latest_reading lr on lr.kpi_id = runs.kpi_id
     order by lr.service_id, runs.off_run desc, lr.key
)
select s.id, s.team_id, s.key, s.name, s.owner_id,
       (o.user_id is not null and not o.deactivated) as owner_active,
       coalesce(o.tz, 'UTC') as owner_tz,
       d.user_id as deputy_id,
       s.team_channel,
       o.away_until,
       ad.user_id as away_deputy_id,
       lc.period_start as last_checkin_period,
       exists (select 1 from checkin_excusals e
                where e.service_id = s.id and e.period_start = coalesce(zp.period_start, cast(:utc as date))) as excused_this_period,
       coalesce(rs.streak, 0) as red_streak,
       coalesce(wk.off_run, 0) as kpi_off_streak,
       wk.name as worst_kpi,
       (select max(e.period_start) from checkin_excusals e where e.service_id = s.id) as last_excused_period,
       -- owed only from when the service and its owner began, or from when an undone decision revived it
       greatest(s.created_at, s.owner_since,
                (select max(dd.undone_at) from decision_items di join decisions dd on dd.id = di.decision_id
                  where di.subject_kind = 'service' and di.subject_id = s.id)) as created_at,
       s.deprioritised_by is not null as winding_down
  from services s
  left join people o on o.team_id = s.team_id and o.user_id = s.owner_id
  left join people d on d.team_id = s.team_id and d.user_id = s.deputy_id and not d.deactivated
  left join people ad on ad.team_id = s.team_id and ad.user_id = o.away_deputy_id and not ad.deactivated
  left join zone_period zp on zp.tz = o.tz
  left join latest_checkin lc on lc.service_id = s.id
  left join red_streak rs on rs.service_id = s.id
  left join worst_kpi wk on wk.service_id = s.id
 where s.active
 order by s.team_id, s.id
