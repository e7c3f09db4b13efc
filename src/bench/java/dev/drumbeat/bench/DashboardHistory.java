package dev.drumbeat.bench;

import java.time.LocalDate;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What the dashboard shows beyond {@link AskPortfolio}'s workspace, which has no check-ins: 52 weeks of weekly check-ins
 * (the shape of {@link EscalationSweepBench}'s history) and an open "stale" escalation for every service that missed the
 * latest week, so the status, days-since and stale columns and the history table are filled as in a real workspace.
 * Set-based SQL, drawn with {@code hashint8}, so every run has the same rows.
 */
final class DashboardHistory {
    private DashboardHistory() {}

    static void generate(Jdbi jdbi) {
        LocalDate first = AskPortfolio.LAST_PERIOD.minusWeeks(AskPortfolio.WEEKS - 1);
        jdbi.useHandle(h -> {
            checkIns(h, first);
            h.execute("""
                    insert into escalations (team_id, subject_kind, subject_id, reason, detail, level, opened_at, level_changed_at)
                    select s.team_id, 'service', s.id, 'stale', 'no check-in for the week of 23 Nov', 1 + s.id % 3,
                           timestamptz '2026-11-24 12:00:00+00', timestamptz '2026-11-24 12:00:00+00'
                      from services s
                     where s.team_id = ? and s.active
                       and not exists (select 1 from checkins c where c.service_id = s.id and c.period_start = ?)""", AskPortfolio.TEAM, AskPortfolio.LAST_PERIOD);
            h.execute("vacuum analyze");
        });
    }

    /**
     * Mostly green, about one in six amber and one in thirteen red, and one service in 25 red for its last five weeks;
     * one week in 25 is missed, and one service in seven has not checked in for the latest week.
     */
    private static void checkIns(Handle h, LocalDate first) {
        h.execute("""
                insert into checkins (team_id, service_id, period_start, status, hurdle, submitted_by, submitted_at)
                select s.team_id, s.id, cast(? as date) + 7 * w, st.status,
                       case when st.status = 'red' then 'Waiting on the vendor''s fix' else '' end,
                       coalesce(s.owner_id, 'U00000001'), (cast(? as date) + 7 * w + time '10:00') at time zone 'UTC'
                  from generate_series(0, ? - 1) w
                 cross join services s
                 cross join lateral (select case when (s.id % 25 = 0 and w >= ? - 5) or hashint8(s.id * 64 + w) & 1023 < 80
                                                 then 'red'
                                                 when hashint8(s.id * 64 + w) & 1023 < 250 then 'amber'
                                                 else 'green' end as status) st
                 where s.team_id = ?
                   and case when w = ? - 1 then s.id % 7 <> 0 else hashint8(s.id * 64 + w + 7) & 1023 >= 40 end
                 order by w, s.id""", first, first, AskPortfolio.WEEKS, AskPortfolio.WEEKS, AskPortfolio.TEAM, AskPortfolio.WEEKS);
    }

    static long count(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
