-- Open escalations with one of the reasons, oldest first, at most :limit of them; total counts every row matched. A
-- workspace's cloud bills (unallocated spend) have no key and are named as EscalationMessages.BILLS_NAME says.
select e.id, e.subject_kind, e.subject_id, e.reason, e.detail, e.level, e.opened_at,
       e.acknowledged_by is not null as acknowledged, e.snoozed_until,
       case when e.subject_kind = 'bills' then '' else coalesce(s.key, i.key, '?') end as key,
       case when e.subject_kind = 'bills' then 'Cloud bills' else coalesce(s.name, i.name, 'something removed') end as name,
       count(*) over () as total
  from escalations e
  left join services s on e.subject_kind = 'service' and s.id = e.subject_id
  left join initiatives i on e.subject_kind = 'initiative' and i.id = e.subject_id
 where e.team_id = :teamId and e.closed_at is null and e.reason = any(:reasons)
 order by e.opened_at, e.id
 limit :limit
