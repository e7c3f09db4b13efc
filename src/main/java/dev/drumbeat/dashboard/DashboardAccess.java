package dev.drumbeat.dashboard;

import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Role;
import dev.drumbeat.core.UserError;
import dev.drumbeat.people.PeopleService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Who may look at the dashboard: issues one-time links to active people, turns a link into a browser session once,
 * and answers for each request whose session it is. The person must still be active at every step, and a session
 * never shows more than the person's current role allows. Secrets are never logged. Thread-safe.
 */
public final class DashboardAccess {
    static final Duration LINK_LIFE = Duration.ofMinutes(15);
    static final Duration SESSION_LIFE = Duration.ofHours(8);
    private static final Duration KEEP_ENDED = Duration.ofDays(1);
    private final Jdbi jdbi;
    private final PeopleService people;
    private final Clock clock;
    private final DashboardSecrets secrets = new DashboardSecrets();

    public DashboardAccess(Jdbi jdbi, PeopleService people, Clock clock) {
        this.jdbi = jdbi;
        this.people = people;
        this.clock = clock;
    }

    /** A link's secret token, which exists only in the reply to the person who asked, and when it stops working. */
    record IssuedLink(String token, Instant expiresAt) {}

    /** A session's secret id, for the cookie, and how long it lives. */
    record OpenedSession(String sessionId, Duration lifetime) {}

    IssuedLink issue(Actor actor) {
        if (!isActive(actor.teamId(), actor.userId())) {
            throw new UserError("Drumbeat has you as deactivated in this workspace, so it can't open the dashboard"
                    + " for you. Ask a Drumbeat admin if that is wrong.");
        }
        String token = secrets.next();
        Instant now = clock.instant();
        jdbi.useTransaction(handle -> {
            DashboardAccessDao dao = handle.attach(DashboardAccessDao.class);
            dao.forgetSessions(now.minus(KEEP_ENDED));
            dao.forgetLinks(now.minus(KEEP_ENDED));
            dao.insertLink(
                    actor.teamId(),
                    actor.userId(),
                    actor.role().label(),
                    DashboardSecrets.hash(token),
                    now,
                    now.plus(LINK_LIFE));
        });
        return new IssuedLink(token, now.plus(LINK_LIFE));
    }

    /** Spends a link and opens a session for its person; empty when the link is used, expired, unknown or malformed. */
    Optional<OpenedSession> open(String token) {
        if (!DashboardSecrets.wellFormed(token)) {
            return Optional.empty();
        }
        String sessionId = secrets.next();
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            DashboardAccessDao dao = handle.attach(DashboardAccessDao.class);
            Optional<DashboardAccessDao.Grant> grant =
                    dao.consumeLink(DashboardSecrets.hash(token), now).filter(g -> isActive(g.teamId(), g.userId()));
            grant.ifPresent(g -> dao.insertSession(g, DashboardSecrets.hash(sessionId), now, now.plus(SESSION_LIFE)));
            return grant.map(g -> new OpenedSession(sessionId, SESSION_LIFE));
        });
    }

    /** The viewer of a live session whose person is still active, with the lesser of their issued and current role. */
    Optional<Viewer> viewer(String sessionId) {
        if (!DashboardSecrets.wellFormed(sessionId)) {
            return Optional.empty();
        }
        return jdbi.withExtension(
                        DashboardAccessDao.class,
                        dao -> dao.findSession(DashboardSecrets.hash(sessionId), clock.instant()))
                .filter(g -> isActive(g.teamId(), g.userId()))
                .map(g -> new Viewer(
                        g.teamId(),
                        g.userId(),
                        lesser(g.role(), people.actor(g.teamId(), g.userId()).role())));
    }

    /** Ends the session now (signing out); a malformed or unknown id ends nothing. */
    void end(String sessionId) {
        if (DashboardSecrets.wellFormed(sessionId)) {
            jdbi.useExtension(DashboardAccessDao.class, dao -> dao.endSession(DashboardSecrets.hash(sessionId)));
        }
    }

    private boolean isActive(String teamId, String userId) {
        return people.find(teamId, userId).filter(p -> !p.deactivated()).isPresent();
    }

    private static Role lesser(Role issued, Role now) {
        return issued.compareTo(now) <= 0 ? issued : now;
    }
}
