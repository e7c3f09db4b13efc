package dev.drumbeat.catalog;

import dev.drumbeat.audit.AuditEntry;
import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.FieldError;
import dev.drumbeat.core.Mentions;
import dev.drumbeat.core.ServiceMatcher;
import dev.drumbeat.core.UserError;
import dev.drumbeat.people.OwnedServices;
import dev.drumbeat.slack.SlackBlocks;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The catalog's rules: who may change a service, and every change audited in the same transaction.
 * Thread-safe; holds no state beyond its collaborators and the services' names prepared for matching
 * ({@link ServiceNameIndex}).
 */
public final class CatalogService implements OwnedServices {
    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final ServiceNameIndex names;

    public CatalogService(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.names = new ServiceNameIndex(jdbi);
    }

    public List<ServiceListing> list(String teamId, String filter, String userId) {
        List<ServiceListing> all = jdbi.withExtension(CatalogDao.class, dao -> dao.listServices(teamId));
        return ServiceFilter.parse(filter, userId).apply(all);
    }

    /** Finds the service a person meant by what they typed. */
    public ServiceMatcher.Match resolve(String teamId, String typed) {
        return names.match(teamId, typed);
    }

    public Optional<ServiceCard> card(String teamId, String key) {
        return jdbi.withHandle(handle -> {
            CatalogDao dao = handle.attach(CatalogDao.class);
            return dao.findListing(teamId, key)
                    .map(listing -> new ServiceCard(
                            listing,
                            dao.kpisOf(teamId, listing.service().id()),
                            handle
                                    .attach(KpiOriginsDao.class)
                                    .latestOrigins(teamId, listing.service().id())
                                    .stream()
                                    .collect(Collectors.toMap(ReadingOrigin::kpiKey, Function.identity()))));
        });
    }

    @Override
    public List<String> namesOwnedBy(String teamId, String userId) {
        return ownedBy(teamId, userId).stream().map(Service::name).toList();
    }

    public List<Service> ownedBy(String teamId, String userId) {
        return jdbi.withExtension(CatalogDao.class, dao -> dao.findOwnedBy(teamId, userId));
    }

    public Optional<Service> find(String teamId, String key) {
        return jdbi.withExtension(CatalogDao.class, dao -> dao.findByKey(teamId, key));
    }

    /** Gives a service a new owner; the previous owner is returned so the change can be undone. */
    public Optional<String> changeOwner(Actor actor, String key, String newOwnerId) {
        return jdbi.inTransaction(handle -> {
            CatalogDao dao = handle.attach(CatalogDao.class);
            Service before = dao.lockByKey(actor.teamId(), key).orElseThrow(() -> noSuchService(key));
            requireEditable(actor, before);
            dao.setOwner(actor.teamId(), key, newOwnerId);
            Service after = dao.findByKey(actor.teamId(), key).orElseThrow();
            audit.record(
                    handle,
                    AuditEntry.change(
                            actor.teamId(),
                            actor.auditName(),
                            "service",
                            key,
                            ServiceDraft.of(before),
                            ServiceDraft.of(after)));
            return before.ownerId();
        });
    }

    /**
     * Adds a service (admins only), under a key and a name no other service of the workspace has. Two adds of one
     * key or name at once (a Save clicked twice) both find it free; the database lets one in, and the other is
     * refused as if it had come second.
     */
    public Service create(Actor actor, ServiceDraft draft) {
        if (!actor.isAdmin()) {
            throw new UserError("Only a Drumbeat admin can add services. Ask an admin, or import a catalog CSV.");
        }
        return refusingDuplicates(
                actor.teamId(),
                draft,
                true,
                () -> jdbi.inTransaction(handle -> {
                    CatalogDao dao = handle.attach(CatalogDao.class);
                    if (dao.lockByKey(actor.teamId(), draft.key()).isPresent()) {
                        throw keyTaken(draft.key());
                    }
                    ServiceNames.requireFree(dao, actor.teamId(), draft);
                    dao.insert(actor.teamId(), draft);
                    audit.record(
                            handle,
                            AuditEntry.change(actor.teamId(), actor.auditName(), "service", draft.key(), null, draft));
                    return dao.findByKey(actor.teamId(), draft.key()).orElseThrow();
                }));
    }

    /** Changes a service's fields (its owner or an admin); a new name must be one no other service has. */
    public Service update(Actor actor, ServiceDraft draft) {
        return refusingDuplicates(
                actor.teamId(),
                draft,
                false,
                () -> jdbi.inTransaction(handle -> {
                    CatalogDao dao = handle.attach(CatalogDao.class);
                    Service before =
                            dao.lockByKey(actor.teamId(), draft.key()).orElseThrow(() -> noSuchService(draft.key()));
                    requireEditable(actor, before);
                    if (!actor.isAdmin()
                            && !draft.ownerId().equals(before.ownerId())
                            && draft.ownerId().isEmpty()) {
                        throw new UserError(
                                "Only an admin can leave a service without an owner. Pick the new owner instead.");
                    }
                    ServiceNames.requireFree(dao, actor.teamId(), draft);
                    dao.update(actor.teamId(), draft);
                    audit.record(
                            handle,
                            AuditEntry.change(
                                    actor.teamId(),
                                    actor.auditName(),
                                    "service",
                                    draft.key(),
                                    ServiceDraft.of(before),
                                    draft));
                    return dao.findByKey(actor.teamId(), draft.key()).orElseThrow();
                }));
    }

    /** A save the database refused for a key or name another save took meanwhile, refused as if it came second. */
    private Service refusingDuplicates(String teamId, ServiceDraft draft, boolean adding, Supplier<Service> save) {
        try {
            return save.get();
        } catch (JdbiException e) {
            if (!(e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState()))) {
                throw e;
            }
            throw jdbi.withExtension(CatalogDao.class, dao -> refusal(dao, teamId, draft, adding, sql));
        }
    }

    /**
     * What an add refused for its key, or a save refused for its name, is told: the other service's name when it can
     * be found, and when adding, the key first (as without a race) if another add took it.
     */
    private static UserError refusal(
            CatalogDao dao, String teamId, ServiceDraft draft, boolean adding, SQLException refused) {
        if (!String.valueOf(refused.getMessage()).contains(ServiceNames.CONSTRAINT)) {
            return keyTaken(draft.key());
        }
        Optional<ServiceMatcher.Candidate> other = ServiceNames.holder(dao, teamId, draft);
        if (other.isPresent()) {
            return ServiceNames.taken(other.get());
        }
        return adding && dao.keyExists(teamId, draft.key())
                ? keyTaken(draft.key())
                : new FieldError("name", "Another service was given this name just now. Pick another name.");
    }

    /** Throws unless the actor may change this service: an admin, or its owner. */
    public static void requireEditable(Actor actor, Service service) {
        if (!actor.isAdmin() && !service.isOwnedBy(actor.userId())) {
            String owner = service.ownerId().map(Mentions::mention).orElse("nobody yet");
            throw new UserError("Only the owner of " + SlackBlocks.escape(service.name()) + " (" + owner
                    + ") or a Drumbeat admin can change it.");
        }
    }

    private static UserError keyTaken(String key) {
        return new UserError("A service with the key `" + key + "` already exists. Pick another key.");
    }

    private static UserError noSuchService(String key) {
        return new UserError("There is no service `" + SlackBlocks.escape(key.toLowerCase(Locale.ROOT))
                + "`. Try `/drumbeat services` to see them all.");
    }
}
