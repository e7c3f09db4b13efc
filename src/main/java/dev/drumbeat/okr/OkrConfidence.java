package dev.drumbeat.okr;

import dev.drumbeat.checkin.KeyResultConfidence;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
        return jdbi.withExtension(OkrDao.class, dao -> dao.findAsked(teamId, serviceKey, userId, period));
    }

    @Override
    public void record(String teamId, String userId, LocalDate period, Map<Long, String> answers) {
        if (answers.isEmpty()) {
            return;
        }
        jdbi.useTransaction(handle -> {
            OkrDao dao = handle.attach(OkrDao.class);
            answers.forEach(
                    (id, choice) -> dao.recordOwnConfidence(teamId, userId, id, period, choice, clock.instant()));
        });
    }
}
