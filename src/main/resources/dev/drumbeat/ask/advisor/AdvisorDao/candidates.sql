-- What one workspace could deprioritise, in one read: every active service and every planned or active
-- initiative that no standing decision has deprioritised yet, with the numbers the advisor weighs (see Candidate).
-- A service saves its monthly cost (unit cost × monthly demand) and loses its monthly value. An initiative saves
-- its monthly burn, the budget spread over its run from when it was entered to its due date (12 months when it has
-- no due date or one before it was entered; at least one month), so an overdue initiative does not look like its
-- whole budget every month, and
-- loses what a month's slip costs. Its open dependencies are the active services it is delivering for, which
-- pausing it lets down as surely as cutting a service lets down the initiatives relying on it.
-- Open dependencies count the open initiatives relying on a service and the key results of open objectives its KPIs
-- measure (named in key_results_fed).
-- A KPI is on target when its latest reading (kept on the KPI, see V10__kpi_latest_reading.sql) is: 'up' means at
-- or above the target, 'down' at or below.
with live_service as (
    select s.* from services s where s.team_id = :teamId and s.active and s.deprioritised_by is null
),
kpi_on_target as (
    select k.service_id, array_agg(k.name order by k.name) as names
      from kpis k
      join live_service s on s.id = k.service_id
     where case when k.direction = 'up' then k.latest_value >= k.target else k.latest_value <= k.target end
     group by k.service_id
),
-- Key results of open objectives measured by one of the service's KPIs: cutting the service stops them being served.
key_result_fed as (
    select k.service_id, array_agg(kr.title order by kr.id) as titles
      from key_results kr
      join objectives o on o.id = kr.objective_id and o.status = 'open'
      join kpis k on k.id = kr.kpi_id
      join live_service s on s.id = k.service_id
     where kr.team_id = :teamId
     group by k.service_id
),
dependency as (
    select l.service_id, count(*) as open_initiatives
      from initiative_services l
      join initiatives i on i.id = l.initiative_id
     where l.team_id = :teamId and i.status in ('planned', 'active') and i.deprioritised_by is null
     group by l.service_id
)
select 'service' as kind, s.id, s.key, s.name, s.tier, s.is_protected,
       s.unit_cost * s.monthly_demand as monthly_saving,
       s.monthly_value as monthly_value_lost,
       s.monthly_demand as demand,
       coalesce(k.names, cast(array[] as text[])) as kpis_on_target,
       coalesce(d.open_initiatives, 0) + coalesce(cardinality(kf.titles), 0) as open_dependencies,
       coalesce(kf.titles, cast(array[] as text[])) as key_results_fed,
       s.owner_id
  from live_service s
  left join kpi_on_target k on k.service_id = s.id
  left join dependency d on d.service_id = s.id
  left join key_result_fed kf on kf.service_id = s.id
union all
select 'initiative', i.id, i.key, i.name, '', i.is_protected,
       round(i.budget / case when i.due_date is null or i.due_date <= cast(i.created_at as date) then 12
                             else greatest(1, ceil((i.due_date - cast(i.created_at as date)) / 30.4375)) end, 2),
       i.monthly_slip_cost,
       0,
       cast(array[] as text[]),
       (select count(*) from initiative_services l
          join services s on s.id = l.service_id and s.active and s.deprioritised_by is null
         where l.initiative_id = i.id),
       cast(array[] as text[]),
       i.owner_id
  from initiatives i
 where i.team_id = :teamId and i.status in ('planned', 'active') and i.deprioritised_by is null
 order by kind desc, key
