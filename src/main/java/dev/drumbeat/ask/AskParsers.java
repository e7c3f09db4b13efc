package dev.drumbeat.ask;

import dev.drumbeat.ask.question.QuestionParser;
import dev.drumbeat.db.CatalogSnapshots;
import org.jdbi.v3.core.Jdbi;

/**
 * A {@link QuestionParser} per workspace, rebuilt only when the names it matches against may have changed: the
 * catalog's version is read on every question (one row, {@link CatalogSnapshots}), so a rename or a new service is
 * understood at once, while reading the names and preparing them for matching, the costly part on a large catalog,
 * happens once per change. Thread-safe.
 */
final class AskParsers {
    private final CatalogSnapshots<QuestionParser> parsers;

    AskParsers(Jdbi jdbi) {
        this.parsers = new CatalogSnapshots<>(
                jdbi,
                teamId -> jdbi.withExtension(
                        AskDao.class,
                        dao -> new QuestionParser(
                                dao.serviceNames(teamId),
                                dao.initiativeNames(teamId),
                                dao.objectiveNames(teamId),
                                dao.ownerNames(teamId))));
    }

    QuestionParser forTeam(String teamId) {
        return parsers.of(teamId);
    }
}
