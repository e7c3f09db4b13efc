package dev.drumbeat.ask;

import dev.drumbeat.UserError;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The picks of a decision being recorded, checked against the catalog as it is now (locked for the transaction)
 * and then marked deprioritised. An answer can be hours old; a pick that was removed or deprioritised since makes the
 * answer stale, and recording it anyway would store a saving that is not there.
 */
final class DecisionPicks {
    private static final String SERVICE = "service";

    private DecisionPicks() {
    }

    static void requireUnchanged(DecisionDao dao, String teamId, StoredAdvice advice) {
        List<Long> services = ids(advice, true);
        List<Long> initiatives = ids(advice, false);
        Map<Long, DecisionDao.Subject> now = services.isEmpty() ? Map.of() : byId(dao.lockServices(teamId, services));
        Map<Long, DecisionDao.Subject> initiativesNow = initiatives.isEmpty() ? Map.of()
                : byId(dao.lockInitiatives(teamId, initiatives));
        for (StoredAdvice.Pick pick : advice.picks()) {
            DecisionDao.Subject subject = (SERVICE.equals(pick.kind()) ? now : initiativesNow).get(pick.id());
            if (subject == null || !subject.live()) {
                throw stale("*" + pick.name() + "* is no longer active");
            }
            if (subject.deprioritisedBy().isPresent()) {
                throw stale("*" + pick.name() + "* was deprioritised by decision #" + subject.deprioritisedBy().get());
            }
        }
    }

    static void deprioritise(DecisionDao dao, long decisionId, StoredAdvice advice, Instant now) {
        List<Long> services = ids(advice, true);
        List<Long> initiatives = ids(advice, false);
        if (!services.isEmpty()) {
            dao.deprioritiseServices(decisionId, services, now);
        }
        if (!initiatives.isEmpty()) {
            dao.deprioritiseInitiatives(decisionId, initiatives, now);
        }
    }

    private static List<Long> ids(StoredAdvice advice, boolean services) {
        return advice.picks().stream().filter(p -> SERVICE.equals(p.kind()) == services).map(StoredAdvice.Pick::id)
                .sorted().toList();
    }

    private static Map<Long, DecisionDao.Subject> byId(List<DecisionDao.Subject> subjects) {
        return subjects.stream().collect(Collectors.toMap(DecisionDao.Subject::id, s -> s));
    }

    private static UserError stale(String what) {
        return new UserError(what + " since this answer was given, so it no longer adds up. Ask again for a fresh"
                + " answer and record that one.");
    }
}
