-- The catalog's totals by tier as they stood at :since, one row per tier with services, cost and value, by rolling
-- the audit log back: a service changed since then, retired ones too, counts with the before snapshot of its first
-- change in the window (none when that change created it); a service not changed since counts as it is now if it
-- already existed then.
with first_change as (
    select distinct on (entity_key) entity_key, before
      from audit_log
     where team_id = :team and entity = 'service' and at >= :since
     order by entity_key, at, id),
as_then as (
    select lower(coalesce(f.before ->> 'tier', s.tier)) as tier,
           coalesce((f.before ->> 'unitCost')::numeric, s.unit_cost) as unit_cost,
           coalesce((f.before ->> 'monthlyDemand')::numeric, s.monthly_demand) as monthly_demand,
           coalesce((f.before ->> 'monthlyValue')::numeric, s.monthly_value) as monthly_value
      from services s
      left join first_change f on f.entity_key = s.key
     where s.team_id = :team and (s.active or f.before is not null)
       and (f.before is not null or (f.entity_key is null and s.created_at < :since)))
select tier, count(*) as services, coalesce(sum(unit_cost * monthly_demand), 0) as cost,
       coalesce(sum(monthly_value), 0) as value
  from as_then
 group by tier
