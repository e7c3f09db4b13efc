package dev.drumbeat.catalog;

import dev.drumbeat.core.FieldError;
import dev.drumbeat.core.ServiceMatcher;
import java.util.Optional;

/**
 * One name per service in a workspace, compared as the name matcher compares names ({@link ServiceMatcher#nameKey}),
 * so that a name typed into Slack never fits two services equally. The check runs before each save; the database's
 * constraint settles two saves at once. Stateless.
 */
final class ServiceNames {
    /** The database's guard, named in its refusals. */
    static final String CONSTRAINT = "services_name_unique";

    private ServiceNames() {}

    /** Refuses the draft's name when another service of the workspace has it. */
    static void requireFree(CatalogDao dao, String teamId, ServiceDraft draft) {
        Optional<ServiceMatcher.Candidate> other = holder(dao, teamId, draft);
        if (other.isPresent()) {
            throw taken(other.get());
        }
    }

    /** The other service, active or retired, that has the draft's name. */
    static Optional<ServiceMatcher.Candidate> holder(CatalogDao dao, String teamId, ServiceDraft draft) {
        String nameKey = draft.nameKey();
        return dao.possibleNamesakes(teamId, draft.key(), nameKey).stream()
                .filter(other -> ServiceMatcher.nameKey(other.name()).equals(nameKey))
                .findFirst();
    }

    /** The refusal, under the modal's name field. */
    static FieldError taken(ServiceMatcher.Candidate other) {
        return new FieldError(
                "name",
                "There is already a service called " + other.name() + " (" + other.key() + "), and "
                        + ServiceFields.NAMES_DIFFER + ". Pick another name.");
    }
}
