package dev.drumbeat.people;

import dev.drumbeat.core.Actor;
import dev.drumbeat.core.UserError;
import dev.drumbeat.slack.CommandRequest;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.Subcommand;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** `/drumbeat away until <date> [@deputy]`: marks you away; your deputy, or each service's, is asked instead. */
public final class AwayCommand implements Subcommand {
    private static final Pattern TRAILING_PERSON =
            Pattern.compile("^(?:(.*)\\s+)?(<@[UW][A-Z0-9]+(?:\\|[^>]*)?>|@\\S+|[UW][A-Z0-9]{2,})$");
    private final AwayService away;

    public AwayCommand(AwayService away) {
        this.away = away;
    }

    @Override
    public String name() {
        return "away";
    }

    @Override
    public String usage() {
        return "away until <date> [@deputy]";
    }

    @Override
    public String summary() {
        return "mark yourself away; your deputy (or each service's) is asked to check in instead";
    }

    @Override
    public Reply handle(CommandRequest request) {
        String args = request.args().strip();
        if (args.isEmpty()) {
            return current(request.actor());
        }
        String rest = args.toLowerCase(Locale.ROOT).startsWith("until ")
                ? args.substring(6).strip()
                : args;
        Matcher person = TRAILING_PERSON.matcher(rest);
        Optional<String> deputy = person.matches() ? Optional.of(person.group(2)) : Optional.empty();
        String date = person.matches() ? person.group(1) : rest;
        if (date == null || date.isBlank()) {
            throw new UserError("Say until when you're away: `/drumbeat away until 24 Dec @deputy`. Dates can be "
                    + AwayDates.FORMS + ".");
        }
        return Reply.text(AwayReplies.marked(away.markAway(request.actor(), date, deputy)));
    }

    private Reply current(Actor actor) {
        AwayService.Current current = away.current(actor);
        if (!current.state().isAwayOn(current.today())) {
            return Reply.text(
                    "You're not marked away. To be, say `/drumbeat away until &lt;date&gt; [@deputy]`, for example"
                            + " `/drumbeat away until 24 Dec @alex`.");
        }
        return Reply.text(AwayReplies.current(current));
    }
}
