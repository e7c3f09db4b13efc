package dev.drumbeat.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Actors;
import dev.drumbeat.core.StorableText;
import dev.drumbeat.core.UserError;
import dev.drumbeat.db.DatabaseOutage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers `/drumbeat`: picks the subcommand by its first word and turns whatever goes wrong into a
 * short ephemeral sentence, never a stack trace. Features add their subcommands with {@link #add}. One that may be
 * slow is answered through {@link SlowCommands}, so Slack has its acknowledgement in time.
 */
public final class CommandRouter {
    public static final String COMMAND = "/drumbeat";
    static final int MAX_TEXT = 4000;
    private static final Logger log = LoggerFactory.getLogger(CommandRouter.class);
    private final Map<String, Subcommand> subcommands = new LinkedHashMap<>();
    private final Actors people;
    private final SlowCommands slow;

    public CommandRouter(Actors people, SlowCommands slow) {
        this.people = people;
        this.slow = slow;
        add(new HelpCommand(this::subcommands));
    }

    public CommandRouter add(Subcommand subcommand) {
        subcommands.put(subcommand.name(), subcommand);
        return this;
    }

    /** The subcommand called {@code name}, for features that answer with another's reply. */
    public Optional<Subcommand> find(String name) {
        return Optional.ofNullable(subcommands.get(name));
    }

    public List<Subcommand> subcommands() {
        return List.copyOf(subcommands.values());
    }

    public void register(App app) {
        app.command(COMMAND, this::handle);
    }

    Response handle(SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload payload = request.getPayload();
        Reply reply = mayBeSlow(payload)
                ? slow.answer(() -> answer(payload, ctx), payload.getResponseUrl())
                : answer(payload, ctx);
        if (reply.isEmpty()) {
            return ctx.ack();
        }
        return ctx.ack(r -> r.responseType(reply.inChannel() ? "in_channel" : "ephemeral")
                .text(reply.text())
                .blocks(reply.blocks()));
    }

    private boolean mayBeSlow(SlashCommandPayload payload) {
        String text = Optional.ofNullable(payload.getText()).orElse("").strip();
        String name = firstWord(SlackBlocks.unescape(text)).toLowerCase(Locale.ROOT);
        Subcommand subcommand = subcommands.get(name);
        return subcommand != null && subcommand.mayBeSlow();
    }

    private Reply answer(SlashCommandPayload payload, SlashCommandContext ctx) {
        String text = Optional.ofNullable(payload.getText()).orElse("").strip();
        if (text.length() > MAX_TEXT) {
            return Reply.text("That command is " + text.length() + " characters long; Drumbeat reads at most "
                    + MAX_TEXT + ". Shorten it and try again.");
        }
        if (StorableText.hasNul(text)) {
            return Reply.text("That command " + StorableText.NUL_SENTENCE);
        }
        try {
            Actor actor = people.actorFor(payload.getTeamId(), payload.getUserId(), payload.getUserName());
            String[] words = SlackBlocks.unescape(text).split("\\s+", 2);
            String name = words[0].toLowerCase(Locale.ROOT);
            String args = words.length > 1 ? words[1].strip() : "";
            CommandRequest command = new CommandRequest(
                    actor, args, payload.getChannelId(), view -> open(ctx, payload.getTriggerId(), view));
            return route(name, command);
        } catch (UserError e) {
            return Reply.text(e.getMessage());
        } catch (RuntimeException e) {
            if (DatabaseOutage.explains(e)) {
                log.warn("/drumbeat {} found the database unavailable: {}", firstWord(text), DatabaseOutage.reason(e));
                return Reply.text(Failures.DATABASE_UNAVAILABLE);
            }
            String reference = Failures.reference();
            log.error("/drumbeat {} failed (reference {})", firstWord(text), reference, e);
            return Reply.text(Failures.sentence(reference));
        }
    }

    private static String firstWord(String text) {
        return text.split("\\s+")[0];
    }

    private Reply route(String name, CommandRequest command) {
        if (name.isEmpty()) {
            return subcommands.get(HelpCommand.NAME).handle(command);
        }
        Subcommand subcommand = subcommands.get(name);
        if (subcommand == null) {
            return HelpCommand.unknown(name, subcommands());
        }
        return subcommand.handle(command);
    }

    private static void open(SlashCommandContext ctx, String triggerId, View view) {
        ViewsOpenResponse response;
        try {
            response = ctx.client().viewsOpen(r -> r.triggerId(triggerId).view(view));
        } catch (Exception e) {
            log.warn("views.open failed: {}", e.toString());
            throw new UserError("Slack could not open the form just now. Run the command again in a moment.");
        }
        if (!response.isOk()) {
            log.warn("views.open answered {} {}", response.getError(), response.getResponseMetadata());
            throw new UserError("Slack did not open the form (" + response.getError() + "). Run the command again.");
        }
    }
}
