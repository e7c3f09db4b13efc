package dev.drumbeat.people;

import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersListResponse;
import com.slack.api.model.User;
import dev.drumbeat.core.Role;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns the workspace's people from Slack's {@code users.list}: names, time zones and who has been
 * deactivated, so owners in a CSV can be named and a person never seen by Drumbeat can be assigned.
 * Bots are skipped. Reads only; safe to run again at any time.
 */
public final class PeopleSync {
    private static final Logger log = LoggerFactory.getLogger(PeopleSync.class);
    private static final int PAGE = 200;
    private final Slack slack;
    private final String botToken;
    private final Jdbi jdbi;

    public PeopleSync(Slack slack, String botToken, Jdbi jdbi) {
        this.slack = slack;
        this.botToken = botToken;
        this.jdbi = jdbi;
    }

    /** Learns the bot's own workspace from {@code auth.test}, then syncs it; empty when Slack refused. */
    public Optional<Integer> syncOwnWorkspace() {
        try {
            var identity = slack.methods(botToken).authTest(r -> r);
            if (!identity.isOk()) {
                log.warn("auth.test answered {}; people not synced", identity.getError());
                return Optional.empty();
            }
            return syncAll(identity.getTeamId());
        } catch (IOException | SlackApiException e) {
            log.warn("could not reach Slack to sync people: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** Stores every human member of the bot's workspace; returns how many, or empty when Slack refused. */
    public Optional<Integer> syncAll(String teamId) {
        try {
            List<Person> people = fetch(teamId);
            jdbi.useTransaction(handle -> {
                PeopleDao dao = handle.attach(PeopleDao.class);
                dao.ensureWorkspace(teamId, "");
                people.forEach(dao::upsertFromSlack);
            });
            return Optional.of(people.size());
        } catch (IOException | SlackApiException | IllegalStateException e) {
            log.warn("could not read people from Slack: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private List<Person> fetch(String teamId) throws IOException, SlackApiException {
        List<Person> people = new ArrayList<>();
        String cursor = null;
        do {
            String page = cursor;
            UsersListResponse response =
                    slack.methods(botToken).usersList(r -> r.limit(PAGE).cursor(page));
            if (!response.isOk()) {
                throw new IllegalStateException("users.list answered " + response.getError());
            }
            response.getMembers().stream()
                    .filter(u -> !u.isBot() && !"USLACKBOT".equals(u.getId()))
                    .map(u -> person(teamId, u))
                    .forEach(people::add);
            cursor = response.getResponseMetadata() == null
                    ? null
                    : response.getResponseMetadata().getNextCursor();
        } while (cursor != null && !cursor.isEmpty());
        return people;
    }

    private static Person person(String teamId, User user) {
        String tz = user.getTz() == null || user.getTz().isBlank() ? "UTC" : user.getTz();
        return new Person(teamId, user.getId(), user.getName(), user.getRealName(), tz, user.isDeleted(), Role.MEMBER);
    }
}
