package dev.drumbeat.apitoken;

import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Mentions;
import dev.drumbeat.core.UserError;
import dev.drumbeat.slack.CommandRequest;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.SlackBlocks;
import dev.drumbeat.slack.Subcommand;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** `/drumbeat token create|list|revoke`: admins hand API tokens to machines, see them and take them back. */
public final class TokenCommand implements Subcommand {
    private static final DateTimeFormatter FALLBACK =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private final ApiTokenService tokens;

    public TokenCommand(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return "token";
    }

    @Override
    public String usage() {
        return "token create <label> | list | revoke <label>";
    }

    @Override
    public String summary() {
        return "API tokens for the catalog API and monitoring (admins)";
    }

    @Override
    public Reply handle(CommandRequest request) {
        String[] words = request.args().split("\\s+", 2);
        String action = words[0].toLowerCase(Locale.ROOT);
        String label = words.length > 1 ? words[1].strip() : "";
        return switch (action) {
            case "create" -> create(request.actor(), label);
            case "list" -> list(request.actor());
            case "revoke" -> revoke(request.actor(), label);
            default ->
                throw new UserError("Use `/drumbeat token create &lt;label&gt;`, `/drumbeat token list`"
                        + " or `/drumbeat token revoke &lt;label&gt;`.");
        };
    }

    private Reply create(Actor actor, String label) {
        String token = tokens.create(actor, label);
        return Reply.text(":key: API token *" + label + "* created. Copy it now: it won't be shown again.\n"
                + "`" + token
                + "`\nSend it as `Authorization: Bearer &lt;token&gt;`, for example to `/api/v1/catalog.csv`."
                + " Revoke it with `/drumbeat token revoke " + label + "`.");
    }

    private Reply list(Actor actor) {
        List<ApiToken> all = tokens.list(actor);
        if (all.isEmpty()) {
            return Reply.text("No API tokens yet. Create one with `/drumbeat token create &lt;label&gt;`.");
        }
        List<String> lines = all.stream().map(TokenCommand::line).toList();
        return Reply.of("API tokens", SlackBlocks.lines(lines));
    }

    private Reply revoke(Actor actor, String label) {
        ApiToken revoked = tokens.revoke(actor, label);
        return Reply.text(
                ":no_entry: API token *" + revoked.label() + "* revoked; requests that use it are now refused.");
    }

    private static String line(ApiToken token) {
        String state = token.revokedAt().map(at -> "*revoked* " + date(at)).orElse("live");
        return "• *" + token.label() + "* — " + state + "; created by " + Mentions.mention(token.createdBy()) + " "
                + date(token.createdAt()) + "; last used "
                + token.lastUsedAt().map(TokenCommand::date).orElse("never");
    }

    /** Slack shows the date in the reader's own time zone; the fallback is UTC. */
    private static String date(Instant at) {
        return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time}|" + FALLBACK.format(at) + ">";
    }
}
