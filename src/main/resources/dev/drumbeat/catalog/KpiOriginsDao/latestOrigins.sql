-- Where the latest reading of each KPI of a service came from (the latest as the card and kpis.latest_value pick
-- it: the latest period, then the latest recorded, then the highest id). Measured: the query that measured that
-- period, else the KPI's query now, else none (unbound since). Pushed: the token that sent it (V31); a push from
-- before tokens were remembered has only the admin whose token sent it, so this lists that admin's tokens that could
-- have: live when the push was audited and used since, give or take a minute (a token is marked used just before the
-- reading is stored).
select k.key as kpi_key, r.source, r.recorded_by, coalesce(m.query, b.query) as query,
       case when named.label is not null then array[named.label] else t.labels end as tokens
  from kpis k
  join services s on s.id = k.service_id
  join lateral (select kr.period_start, kr.source, kr.recorded_by, kr.recorded_at, kr.api_token_id
                  from kpi_readings kr
                 where kr.kpi_id = k.id
                 order by kr.period_start desc, kr.recorded_at desc, kr.id desc
                 limit 1) r on true
  left join api_tokens named on named.id = r.api_token_id
  left join measure_bindings b on b.kpi_id = k.id and r.source = 'prometheus' and r.recorded_by is null
  left join measure_results m on m.binding_id = b.id and m.period_start = r.period_start
  left join lateral (select max(a.at) as at
                       from audit_log a
                      where a.team_id = k.team_id and a.entity = 'kpi_reading'
                        and a.entity_key = s.key || '/' || k.key || '/' || r.period_start::text || '/' || r.source) pushed
         on r.source not in ('checkin', 'slack') and r.recorded_by is not null and r.api_token_id is null
  left join lateral (select array_agg(tk.label order by tk.created_at desc, tk.id desc) as labels
                       from api_tokens tk
                      where tk.team_id = k.team_id and tk.created_by = r.recorded_by
                        and tk.created_at <= coalesce(pushed.at, r.recorded_at)
                        and (tk.revoked_at is null or tk.revoked_at >= coalesce(pushed.at, r.recorded_at))
                        and (pushed.at is null or tk.last_used_at >= pushed.at - interval '1 minute')) t
         on r.source not in ('checkin', 'slack') and r.recorded_by is not null and r.api_token_id is null
 where k.team_id = :teamId and k.service_id = :serviceId
