-- Every binding of an active service whose query has given no number for :least periods running or more, as the
-- evaluation job keeps it (measure_bindings.failing_periods), with its latest stored result: per service, demand first,
-- then KPIs by name.
select b.id, b.team_id, b.service_id, k.name as kpi_name, b.query, b.failing_periods,
       r.period_start as last_period, r.reason as last_reason, coalesce(r.detail, '') as last_detail
  from measure_bindings b
  join services s on s.id = b.service_id and s.active
  left join kpis k on k.id = b.kpi_id
  left join lateral (select m.period_start, m.reason, m.detail
                       from measure_results m
                      where m.binding_id = b.id
                      order by m.period_start desc
                      limit 1) r on true
 where b.failing_periods >= :least
 order by b.team_id, b.service_id, k.name nulls first, b.id
