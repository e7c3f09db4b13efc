package dev.drumbeat.checkin;

/** The prompt sweep's writes and its reminder query, kept together so the rules read in one place. */
final class PromptSql {
    private PromptSql() {
    }

    /** Returns the new prompt's id, or nothing when this person already has this period's prompt. */
    static final String INSERT_PROMPT = """
            insert into checkin_prompts (team_id, user_id, period_start, outbox_key, prompted_at, reminder_due_at)
            values (:team, :user, :period, :key, :now, :remindAt)
            on conflict (team_id, user_id, period_start) do nothing
            returning id""";

    /** Recent prompts past their reminder time, not reminded yet, with services still unanswered (and how many). */
    static final String DUE_REMINDERS = """
            select p.id, p.team_id, p.user_id, p.outbox_key, count(*) as open
              from checkin_prompts p
              join checkin_prompt_services ps on ps.prompt_id = p.id
              join services s on s.id = ps.service_id and s.active
             where p.reminded_at is null and p.reminder_due_at <= :now and p.period_start >= :since
               and not exists (select 1 from checkins c where c.service_id = ps.service_id and c.period_start = p.period_start)
               and not exists (select 1 from checkin_excusals e
                                where e.service_id = ps.service_id and e.period_start = p.period_start)
             group by p.id, p.team_id, p.user_id, p.outbox_key
             order by p.id""";
}
