package dev.drumbeat.ask;

import dev.drumbeat.catalog.ServiceMatcher;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * A {@link QuestionParser} per workspace, rebuilt only when the names it matches against change. Names are read on
 * every question (two small queries), so a rename or a new service is understood at once, while preparing the names
 * for matching, the costly part on a large catalog, happens once per change. Thread-safe.
 */
final class AskParsers {
    private final Jdbi jdbi;
    private final Map<String, Cached> byTeam = new ConcurrentHashMap<>();

    private record Cached(List<ServiceMatcher.Candidate> services, List<ServiceMatcher.Candidate> initiatives,
                          QuestionParser parser) {
    }

    AskParsers(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    QuestionParser forTeam(String teamId) {
        List<ServiceMatcher.Candidate> services = jdbi.withExtension(AskDao.class, dao -> dao.serviceNames(teamId));
        List<ServiceMatcher.Candidate> initiatives = jdbi.withExtension(AskDao.class, dao -> dao.initiativeNames(teamId));
        Cached cached = byTeam.get(teamId);
        if (cached != null && cached.services().equals(services) && cached.initiatives().equals(initiatives)) {
            return cached.parser();
        }
        QuestionParser parser = new QuestionParser(services, initiatives);
        byTeam.put(teamId, new Cached(services, initiatives, parser));
        return parser;
    }
}
