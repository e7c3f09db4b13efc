package dev.drumbeat.apitoken;

import dev.drumbeat.audit.AuditEntry;
import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.SecretHash;
import dev.drumbeat.core.UserError;
import dev.drumbeat.people.PeopleService;
import dev.drumbeat.slack.SlackBlocks;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * API tokens: admins create, list and revoke them in Slack, machines present them over HTTP. Only a
 * SHA-256 hash is stored, so a database dump gives nobody a usable token; tokens are never logged.
 * Thread-safe.
 */
public final class ApiTokenService {
    static final String PREFIX = "dbt_";
    private static final Pattern TOKEN = Pattern.compile("dbt_[A-Za-z0-9_-]{32}");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final PeopleService people;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokenService(Jdbi jdbi, AuditLog audit, PeopleService people, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.people = people;
        this.clock = clock;
    }

    /** Creates a token and returns it: the only moment the token exists outside its holder's hands. */
    public String create(Actor actor, String label) {
        requireAdmin(actor);
        String checked = label(label);
        String token = newToken();
        jdbi.useTransaction(handle -> {
            ApiTokenDao dao = handle.attach(ApiTokenDao.class);
            if (dao.lockLive(actor.teamId(), checked).isPresent()) {
                throw new UserError(
                        "A token labelled `" + checked + "` already exists. Revoke it first, or pick another label.");
            }
            long id = dao.insert(actor.teamId(), checked, hash(token), actor.userId(), clock.instant());
            audit.record(
                    handle,
                    new AuditEntry(
                            actor.teamId(),
                            actor.auditName(),
                            "api_token",
                            checked,
                            "create",
                            Optional.empty(),
                            Optional.of(dao.find(id).orElseThrow())));
        });
        return token;
    }

    public List<ApiToken> list(Actor actor) {
        requireAdmin(actor);
        return jdbi.withExtension(ApiTokenDao.class, dao -> dao.list(actor.teamId()));
    }

    public ApiToken revoke(Actor actor, String label) {
        requireAdmin(actor);
        if (label == null || label.isBlank()) {
            throw new UserError(
                    "Name the token to revoke: `/drumbeat token revoke &lt;label&gt;`. See them with `/drumbeat token list`.");
        }
        return jdbi.inTransaction(handle -> {
            ApiTokenDao dao = handle.attach(ApiTokenDao.class);
            ApiToken before = dao.lockLive(actor.teamId(), label.strip())
                    .orElseThrow(() -> new UserError("There is no live token labelled `"
                            + SlackBlocks.escape(label.strip()) + "`. See them with `/drumbeat token list`."));
            dao.revoke(before.id(), clock.instant());
            ApiToken after = dao.find(before.id()).orElseThrow();
            audit.record(
                    handle,
                    new AuditEntry(
                            actor.teamId(),
                            actor.auditName(),
                            "api_token",
                            before.label(),
                            "revoke",
                            Optional.of(before),
                            Optional.of(after)));
            return after;
        });
    }

    /** Checks an {@code Authorization} header: a live token whose creator is still an active admin. */
    public Check check(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return new Check.Refused(
                    401,
                    "Send an API token as `Authorization: Bearer dbt_…`."
                            + " An admin creates one with /drumbeat token create &lt;label&gt;.");
        }
        Optional<ApiToken> found = bearer(authorization)
                .flatMap(token -> jdbi.withExtension(ApiTokenDao.class, dao -> dao.findByHash(hash(token))));
        if (found.isEmpty() || found.get().isRevoked()) {
            return new Check.Refused(
                    401,
                    found.isEmpty()
                            ? "This API token is not valid."
                            : "This API token was revoked. Ask an admin for a new one.");
        }
        return checkCreator(found.get());
    }

    private Check checkCreator(ApiToken token) {
        Actor creator = people.actor(token.teamId(), token.createdBy());
        boolean active = people.find(token.teamId(), token.createdBy())
                .filter(p -> !p.deactivated())
                .isPresent();
        if (!creator.isAdmin() || !active) {
            return new Check.Refused(
                    403,
                    "The person who created this token is no longer a Drumbeat admin,"
                            + " so it can't be used. Ask an admin to create a new one.");
        }
        jdbi.useExtension(ApiTokenDao.class, dao -> dao.markUsed(token.id(), clock.instant()));
        return new Check.Granted(creator, token);
    }

    /** The SHA-256 of the token, in hex: what the database stores and searches for. */
    static String hash(String token) {
        return SecretHash.of(token);
    }

    private String newToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Optional<String> bearer(String authorization) {
        String[] parts = authorization.strip().split("\\s+", 2);
        boolean wellFormed = parts.length == 2
                && parts[0].equalsIgnoreCase("Bearer")
                && TOKEN.matcher(parts[1]).matches();
        return wellFormed ? Optional.of(parts[1]) : Optional.empty();
    }

    private static String label(String label) {
        String text = label == null ? "" : label.strip();
        if (!LABEL.matcher(text).matches()) {
            throw new UserError("A token label is 1 to 40 letters, digits, dots, dashes or underscores:"
                    + " `/drumbeat token create monitoring`.");
        }
        return text;
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new UserError("Only a Drumbeat admin can manage API tokens. Ask an admin.");
        }
    }

    /** The answer to a presented token: the admin it acts for, or why it is refused (HTTP status and sentence). */
    public sealed interface Check {
        record Granted(Actor actor, ApiToken token) implements Check {}

        record Refused(int status, String reason) implements Check {}
    }
}
