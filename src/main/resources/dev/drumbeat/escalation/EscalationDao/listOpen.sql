-- Open escalations with one of the reasons, oldest first, at most :limit of them; total counts every row matched.
select e.id, e.subject_kind, e.subject_id, e.reason, e.detail, e.level, e.opened_at,
       e.acknowledged_by is not null as acknowledged, e.snoozed_until,
       coalesce(s.key, i.key, '?') as key, coalesce(s.name, i.name, 'something removed') as name,
       count(*) over () as total
  from escalations e
  left join services s on e.subject_kind = 'service' and s.id = e.subject_id
  left join initiatives i on e.subject_kind = 'initiative' and i.id = e.subject_id
 where e.team_id = :teamId and e.closed_at is null and e.reason = any(:reasons)
 order by e.opened_at, e.id
 limit :limit
