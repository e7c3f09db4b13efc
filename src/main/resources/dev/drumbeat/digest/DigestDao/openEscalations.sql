-- Open escalations, most urgent first: highest level, then oldest.
select e.id, e.subject_kind, e.reason, e.detail, e.level, e.opened_at, e.snoozed_until,
       coalesce(s.key, i.key, '') as key,
       case when e.subject_kind = 'bills' then 'Cloud bills'
            else coalesce(s.name, i.name, e.subject_kind || ' ' || e.subject_id) end as name,
       coalesce(nullif(o.real_name, ''), o.name) as owner_name
  from escalations e
  left join services s on e.subject_kind = 'service' and s.id = e.subject_id
  left join initiatives i on e.subject_kind = 'initiative' and i.id = e.subject_id
  left join people o on o.team_id = e.team_id and o.user_id = coalesce(s.owner_id, i.owner_id)
 where e.team_id = :team and e.closed_at is null
 order by e.level desc, e.opened_at, e.id
