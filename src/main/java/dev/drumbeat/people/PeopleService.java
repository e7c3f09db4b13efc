package dev.drumbeat.people;

import com.slack.api.model.User;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Actors;
import dev.drumbeat.core.Mentions;
import dev.drumbeat.core.Role;
import dev.drumbeat.slack.SlackBlocks;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** Who people are and what they may do. Roles: admins from configuration, the rest from the database. */
public final class PeopleService implements Actors {
    private final Jdbi jdbi;
    private final Set<String> admins;

    public PeopleService(Jdbi jdbi, Set<String> admins) {
        this.jdbi = jdbi;
        this.admins = Set.copyOf(admins);
    }

    /** Records the workspace the bot token belongs to, so the command line finds it before anyone has used Slack. */
    public void knowWorkspace(String teamId, String name) {
        jdbi.useExtension(PeopleDao.class, dao -> dao.knowWorkspace(teamId, name));
    }

    /**
     * Says who is asking, learning the person (and the workspace, on its first request) when they are new
     * or renamed; a known person costs one read, so read-only commands stay read-only.
     */
    @Override
    public Actor actorFor(String teamId, String userId, String userName) {
        Optional<Person> known = find(teamId, userId);
        if (known.isPresent() && known.get().name().equals(userName)) {
            return new Actor(teamId, userId, roleOf(userId, known));
        }
        return jdbi.inTransaction(handle -> {
            PeopleDao dao = handle.attach(PeopleDao.class);
            dao.ensureWorkspace(teamId, "");
            dao.seen(teamId, userId, userName == null || userName.isBlank() ? userId : userName);
            return new Actor(teamId, userId, roleOf(userId, dao.find(teamId, userId)));
        });
    }

    /**
     * Says who is asking when Slack names only the user (an event such as a mention): a known person as they are;
     * someone new, and their workspace, learned under their id until the hourly sync names them.
     */
    @Override
    public Actor actorFromEvent(String teamId, String userId) {
        return find(teamId, userId)
                .map(known -> new Actor(teamId, userId, roleOf(userId, Optional.of(known))))
                .orElseGet(() -> actorFor(teamId, userId, userId));
    }

    public Actor actor(String teamId, String userId) {
        return new Actor(teamId, userId, roleOf(userId, find(teamId, userId)));
    }

    public Optional<Person> find(String teamId, String userId) {
        return jdbi.withExtension(PeopleDao.class, dao -> dao.find(teamId, userId));
    }

    /**
     * Finds a person from a Slack mention ({@code <@U123|name>}), a user id, or a name. A mention
     * Slack escaped vouches for the person, so someone not yet known is learned from it.
     */
    public Lookup lookup(String teamId, String reference) {
        Optional<String> id = Mentions.userId(reference);
        if (id.isPresent()) {
            return find(teamId, id.get())
                    .or(() -> learnFromMention(teamId, id.get(), reference))
                    .<Lookup>map(Lookup.Found::new)
                    .orElse(new Lookup.Unknown(reference));
        }
        String name = Mentions.bareName(reference);
        List<Person> found = jdbi.withExtension(PeopleDao.class, dao -> dao.findByName(teamId, name));
        if (found.size() == 1) {
            return new Lookup.Found(found.get(0));
        }
        return found.isEmpty() ? new Lookup.Unknown(reference) : new Lookup.Ambiguous(found);
    }

    /**
     * Keeps a known person's name and time zone as Slack now has them (a {@code user_change} event), so the
     * next prompt goes out at 09:00 where they are. Someone Drumbeat has never seen is left to the hourly sync.
     */
    public void refreshFromSlack(String teamId, User user) {
        find(teamId, user.getId())
                .ifPresent(known -> jdbi.useExtension(
                        PeopleDao.class,
                        dao -> dao.upsertFromSlack(new Person(
                                teamId,
                                user.getId(),
                                user.getName(),
                                user.getRealName(),
                                user.getTz() == null || user.getTz().isBlank() ? known.tz() : user.getTz(),
                                false,
                                known.role()))));
    }

    /** Marks a person deactivated, as Slack's {@code user_change} with {@code deleted: true} tells. */
    public boolean deactivate(String teamId, String userId) {
        return jdbi.withExtension(PeopleDao.class, dao -> dao.deactivate(teamId, userId)) > 0;
    }

    /** Makes sure a person Slack named (say, in a user picker) exists, so services can point at them. */
    public Person ensureKnown(String teamId, String userId) {
        return find(teamId, userId).orElseGet(() -> {
            jdbi.useExtension(PeopleDao.class, dao -> dao.seen(teamId, userId, userId));
            return find(teamId, userId).orElseThrow();
        });
    }

    private Optional<Person> learnFromMention(String teamId, String userId, String reference) {
        Optional<String> name = Mentions.escapedName(reference);
        name.ifPresent(n -> jdbi.useExtension(PeopleDao.class, dao -> dao.seen(teamId, userId, n)));
        return name.flatMap(n -> find(teamId, userId));
    }

    private Role roleOf(String userId, Optional<Person> person) {
        if (admins.contains(userId)) {
            return Role.ADMIN;
        }
        return person.map(Person::role).orElse(Role.MEMBER);
    }

    /**
     * How a message quotes what someone typed to name a person: a mention when it names a user id, as Slack's own
     * mentions do, else the words as typed, escaped for mrkdwn.
     */
    public static String asTyped(String reference) {
        return Mentions.userId(reference).map(Mentions::mention).orElseGet(() -> SlackBlocks.escape(reference.strip()));
    }

    /** The outcome of looking a person up by what someone typed. */
    public sealed interface Lookup {
        record Found(Person person) implements Lookup {}

        record Unknown(String reference) implements Lookup {}

        record Ambiguous(List<Person> people) implements Lookup {}
    }
}
