package dev.drumbeat.escalation;

import dev.drumbeat.catalog.CatalogDao;
import dev.drumbeat.catalog.Service;
import dev.drumbeat.catalog.ServiceDraft;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Mentions;
import dev.drumbeat.core.Role;
import dev.drumbeat.core.UserError;
import dev.drumbeat.escalation.rules.Reason;
import dev.drumbeat.people.PeopleService;
import dev.drumbeat.people.Person;
import dev.drumbeat.slack.SlackBlocks;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Take ownership and Assign owner. Anyone active may take a service nobody active owns; leadership and admins
 * may give any escalated service a new owner. The owner change is audited like any catalog change, and an
 * ownerless escalation closes at once rather than at the next sweep. Thread-safe.
 */
final class EscalationServiceOwnership {
    private static final Logger log = LoggerFactory.getLogger(EscalationServiceOwnership.class);
    private final EscalationServiceChanges changes;
    private final PeopleService people;

    EscalationServiceOwnership(EscalationServiceChanges changes, PeopleService people) {
        this.changes = changes;
        this.people = people;
    }

    /** The clicker becomes the owner of an ownerless service; returns the service's name. */
    String takeOwnership(Actor actor, long id) {
        Person taker = people.ensureKnown(actor.teamId(), actor.userId());
        if (taker.deactivated()) {
            throw new UserError("Your Slack account is deactivated, so you cannot own services.");
        }
        return changes.change(actor, id, (handle, row, item) -> {
            Service service = lockService(handle, actor, row);
            EscalationDao.Item now = EscalationServiceChanges.item(handle, row);
            if (!now.isOwnerless()) {
                throw new UserError(SlackBlocks.escape(service.name()) + " already has an owner, "
                        + Mentions.mention(now.ownerId().orElseThrow())
                        + ". Ask them, or leadership, if it should be yours.");
            }
            setOwner(handle, actor, service, actor.userId());
            changes.close(handle, actor, row, Mentions.mention(actor.userId()) + " took ownership");
            return service.name();
        });
    }

    /**
     * A service was given an owner outside the escalation's buttons ({@code /drumbeat owner}, the service modal): its
     * open ownerless escalation closes now, its messages edited, rather than at the next sweep. Nothing happens when
     * none is open, when the service is still ownerless (an owner deactivated in Slack), or when a sweep closed it first.
     */
    void ownerGiven(Actor actor, long serviceId, String newOwnerId) {
        changes.openFor(actor.teamId(), serviceId, Reason.OWNERLESS).ifPresent(id -> {
            try {
                changes.change(actor, id, (handle, row, item) -> {
                    if (!EscalationServiceChanges.item(handle, row).isOwnerless()) {
                        changes.close(
                                handle,
                                actor,
                                row,
                                Mentions.mention(actor.userId()) + " made " + Mentions.mention(newOwnerId)
                                        + " the owner");
                    }
                    return row.id();
                });
            } catch (UserError closedMeanwhile) {
                // a sweep closed it between the look-up and the lock: nothing left to do
            } catch (RuntimeException e) {
                // the owner change is saved already; the next sweep closes the escalation instead
                log.error("closing the ownerless escalation {} after an owner change failed", id, e);
            }
        });
    }

    /** Throws unless the actor may assign owners: leadership and admins. */
    void requireMayAssign(Actor actor) {
        if (!actor.isAdmin() && actor.role() != Role.LEADERSHIP) {
            throw new UserError("Only leadership or a Drumbeat admin can assign an owner. If nobody owns it,"
                    + " you can press Take ownership; otherwise ask in the leadership channel.");
        }
    }

    /** Makes someone the owner of the escalated service; returns the service's name. */
    String assignOwner(Actor actor, long id, String newOwnerId) {
        requireMayAssign(actor);
        Person owner = people.ensureKnown(actor.teamId(), newOwnerId);
        if (owner.deactivated()) {
            throw new UserError(Mentions.mention(newOwnerId) + " is deactivated in Slack. Pick someone active.");
        }
        return changes.change(actor, id, (handle, row, item) -> {
            Service service = lockService(handle, actor, row);
            if (!EscalationServiceChanges.item(handle, row).isOwnerless() && service.isOwnedBy(newOwnerId)) {
                throw new UserError(Mentions.mention(newOwnerId) + " already owns " + SlackBlocks.escape(service.name())
                        + ". Pick someone else.");
            }
            setOwner(handle, actor, service, newOwnerId);
            if (row.reason() == Reason.OWNERLESS) {
                changes.close(
                        handle,
                        actor,
                        row,
                        Mentions.mention(actor.userId()) + " made " + Mentions.mention(newOwnerId) + " the owner");
            }
            return service.name();
        });
    }

    private static Service lockService(Handle handle, Actor actor, EscalationDao.Row row) {
        Optional<EscalationDao.Item> item = Optional.of(EscalationServiceChanges.item(handle, row))
                .filter(i -> i.subject().kind().equals("service") && i.active());
        return item.flatMap(i -> handle.attach(CatalogDao.class).lockByKey(actor.teamId(), i.key()))
                .orElseThrow(() -> new UserError("Only a service in the catalog can change owner here."));
    }

    /** Same audit shape as every other service change (full before and after), so history can be rolled back. */
    private void setOwner(Handle handle, Actor actor, Service service, String newOwnerId) {
        CatalogDao catalog = handle.attach(CatalogDao.class);
        catalog.setOwner(actor.teamId(), service.key(), newOwnerId);
        Service after = catalog.findByKey(actor.teamId(), service.key()).orElseThrow();
        changes.record(
                handle, actor, "service", service.key(), "update", ServiceDraft.of(service), ServiceDraft.of(after));
    }
}
