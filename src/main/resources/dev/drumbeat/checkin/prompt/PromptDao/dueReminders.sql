-- Recent prompts past their reminder time, not reminded yet, with services still unanswered (and how many); a
-- service deprioritised since is being wound down and no longer asked about.
select p.id, p.team_id, p.user_id, p.outbox_key, count(*) as open
  from checkin_prompts p
  join checkin_prompt_services ps on ps.prompt_id = p.id
  join services s on s.id = ps.service_id and s.active and s.deprioritised_by is null
 where p.reminded_at is null and p.reminder_due_at <= :now and p.period_start >= :since
   and not exists (select 1 from checkins c where c.service_id = ps.service_id and c.period_start = p.period_start)
   and not exists (select 1 from checkin_excusals e
                    where e.service_id = ps.service_id and e.period_start = p.period_start)
 group by p.id, p.team_id, p.user_id, p.outbox_key
 order by p.id
