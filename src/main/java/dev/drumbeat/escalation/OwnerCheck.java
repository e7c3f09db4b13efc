package dev.drumbeat.escalation;

import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersInfoResponse;
import dev.drumbeat.people.PeopleDao;
import dev.drumbeat.people.PeopleDao.Owner;
import dev.drumbeat.people.PeopleService;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily check that every owner is still in Slack, for the {@code user_change} events that never arrived:
 * {@code users.info} for each active owner of an active service or initiative, one call every {@code pace}
 * (users.info is tier 4, about 100 a minute), marking people Slack reports deactivated or does not know. The
 * workspaces where someone was marked are swept at once, so their services escalate as ownerless. Reads Slack
 * directly (a read has nothing to queue); not meant to run twice at once (its job forbids it).
 */
public final class OwnerCheck {
    /** A little slower than tier 4's 100 calls a minute, leaving room for other users.info callers. */
    public static final Duration PACE = Duration.ofMillis(700);

    private static final Logger log = LoggerFactory.getLogger(OwnerCheck.class);
    private static final Set<String> FATAL =
            Set.of("not_authed", "invalid_auth", "account_inactive", "token_revoked", "missing_scope", "ratelimited");
    private static final int ATTEMPTS = 3;
    private final Jdbi jdbi;
    private final Slack slack;
    private final String botToken;
    private final PeopleService people;
    private final EscalationService escalations;
    private final Duration pace;

    /** What one run found: owners asked about, how many were marked deactivated, and whether it got through them all. */
    public record Result(int checked, int marked, boolean completed) {}

    public OwnerCheck(
            Jdbi jdbi,
            Slack slack,
            String botToken,
            PeopleService people,
            EscalationService escalations,
            Duration pace) {
        this.jdbi = jdbi;
        this.slack = slack;
        this.botToken = botToken;
        this.people = people;
        this.escalations = escalations;
        this.pace = pace;
    }

    public Result run() {
        List<Owner> owners = jdbi.withExtension(PeopleDao.class, PeopleDao::findActiveOwners);
        Set<String> changedTeams = new LinkedHashSet<>();
        int checked = 0;
        int marked = 0;
        for (Owner owner : owners) {
            Optional<Boolean> gone = isGone(owner);
            if (gone.isEmpty()) {
                sweep(changedTeams);
                return new Result(checked, marked, false);
            }
            checked++;
            if (gone.get() && people.deactivate(owner.teamId(), owner.userId())) {
                log.info("owner {} is no longer active in Slack; marked deactivated", owner.userId());
                changedTeams.add(owner.teamId());
                marked++;
            }
        }
        sweep(changedTeams);
        return new Result(checked, marked, true);
    }

    /** True when Slack says the person is deactivated or unknown, false when active; empty when the run must stop. */
    private Optional<Boolean> isGone(Owner owner) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            pause(pace);
            try {
                UsersInfoResponse response = slack.methods(botToken).usersInfo(r -> r.user(owner.userId()));
                if (response.isOk()) {
                    return Optional.of(response.getUser().isDeleted());
                }
                if ("user_not_found".equals(response.getError())) {
                    return Optional.of(true);
                }
                if (FATAL.contains(response.getError())) {
                    log.warn("users.info answered {}; the owner check stops here", response.getError());
                    return Optional.empty();
                }
                log.warn("users.info for {} answered {}; skipping them today", owner.userId(), response.getError());
                return Optional.of(false);
            } catch (SlackApiException e) {
                pause(retryAfter(e));
            } catch (IOException e) {
                log.warn("users.info for {} failed: {}", owner.userId(), e.toString());
            }
        }
        log.warn("Slack kept refusing users.info; the owner check stops here and runs again tomorrow");
        return Optional.empty();
    }

    private void sweep(Set<String> teams) {
        teams.forEach(escalations::sweep);
    }

    private static Duration retryAfter(SlackApiException e) {
        String header = e.getResponse() == null ? null : e.getResponse().header("Retry-After");
        try {
            return Duration.ofSeconds(Math.min(60, header == null ? 1 : Long.parseLong(header.strip())));
        } catch (NumberFormatException notANumber) {
            return Duration.ofSeconds(1);
        }
    }

    private static void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("owner check interrupted", e);
        }
    }
}
