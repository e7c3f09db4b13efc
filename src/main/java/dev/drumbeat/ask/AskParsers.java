package dev.drumbeat.ask;

import dev.drumbeat.ask.question.QuestionParser;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * A {@link QuestionParser} per workspace, rebuilt only when the names it matches against change. A fingerprint of the
 * names is read on every question (one row), so a rename or a new service is understood at once, while reading the
 * names and preparing them for matching, the costly part on a large catalog, happens once per change. Thread-safe.
 */
final class AskParsers {
    private final Jdbi jdbi;
    private final Map<String, Cached> byTeam = new ConcurrentHashMap<>();

    private record Cached(String fingerprint, QuestionParser parser) {}

    AskParsers(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    QuestionParser forTeam(String teamId) {
        String fingerprint = jdbi.withExtension(AskDao.class, dao -> dao.namesFingerprint(teamId));
        Cached cached = byTeam.get(teamId);
        if (cached != null && cached.fingerprint().equals(fingerprint)) {
            return cached.parser();
        }
        QuestionParser parser = jdbi.withExtension(
                AskDao.class,
                dao -> new QuestionParser(
                        dao.serviceNames(teamId),
                        dao.initiativeNames(teamId),
                        dao.objectiveNames(teamId),
                        dao.ownerNames(teamId)));
        byTeam.put(teamId, new Cached(fingerprint, parser));
        return parser;
    }
}
