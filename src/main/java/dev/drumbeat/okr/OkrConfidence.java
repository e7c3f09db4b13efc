package dev.drumbeat.okr;

import dev.drumbeat.checkin.KeyResultConfidence;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The weekly check-in's questions about key results: those of open objectives measured by the service's KPIs and
 * owned by the person checking in. Answers go in as {@code /drumbeat okr confidence} would put them. Thread-safe.
 */
public final class OkrConfidence implements KeyResultConfidence {
    private final Jdbi jdbi;
    private final Clock clock;

    public OkrConfidence(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public List<Asked> asked(String teamId, String serviceKey, String userId, LocalDate period) {
        return jdbi.withHandle(h -> h.createQuery("""
                select kr.id, kr.title,
                       (select c.confidence from key_result_confidence c
                         where c.key_result_id = kr.id and c.period_start = :period) as current
                  from key_results kr
                  join objectives o on o.id = kr.objective_id and o.status = 'open'
                  join kpis k on k.id = kr.kpi_id
                  join services s on s.id = k.service_id
                 where kr.team_id = :teamId and s.key = :serviceKey and kr.owner_id = :userId
                 order by kr.id""")
                .bind("teamId", teamId).bind("serviceKey", serviceKey).bind("userId", userId).bind("period", period)
                .map((rs, ctx) -> new Asked(rs.getLong("id"), rs.getString("title"),
                        Optional.ofNullable(rs.getString("current"))))
                .list());
    }

    @Override
    public void record(String teamId, String userId, LocalDate period, Map<Long, String> answers) {
        if (answers.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> answers.forEach((id, choice) -> h.createUpdate("""
                insert into key_result_confidence (key_result_id, period_start, confidence, recorded_by, recorded_at)
                select kr.id, :period, :choice, :userId, :at from key_results kr
                 where kr.id = :id and kr.team_id = :teamId and kr.owner_id = :userId
                on conflict (key_result_id, period_start) do update
                   set confidence = excluded.confidence, recorded_by = excluded.recorded_by,
                       recorded_at = excluded.recorded_at""")
                .bind("period", period).bind("choice", choice).bind("userId", userId).bind("at", clock.instant())
                .bind("id", id).bind("teamId", teamId).execute()));
    }
}
