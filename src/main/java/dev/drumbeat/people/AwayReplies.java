package dev.drumbeat.people;

import dev.drumbeat.core.Mentions;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;

/** The sentences `/drumbeat away` and `/drumbeat back` answer with. Pure. */
final class AwayReplies {
    private AwayReplies() {}

    static String marked(AwayService.Marked marked) {
        LocalDate today = marked.today();
        return "You're away until " + AwayDates.format(marked.state().until().orElseThrow(), today) + ". "
                + cover(marked) + "; I'll ask you again from " + AwayDates.format(marked.askAgainFrom(), today) + ".";
    }

    static String current(AwayService.Current current) {
        AwayState state = current.state();
        String deputy = state.deputyId()
                .map(id -> " " + Mentions.mention(id) + " covers for you.")
                .orElse(" Each service's own deputy covers it.");
        return "You're away until " + AwayDates.format(state.until().orElseThrow(), current.today()) + "." + deputy
                + " Say `/drumbeat back` when you return, or `/drumbeat away until &lt;date&gt; [@deputy]` to change it.";
    }

    static String returned(AwayService.Returned returned) {
        String when = returned.nextPromptDay().equals(returned.today())
                ? "today"
                : "on " + returned.nextPromptDay().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        return returned.wasAway()
                ? "Welcome back — I'll ask you again " + when + "."
                : "You weren't marked away, so nothing changed; I'll ask you as usual " + when + ".";
    }

    private static String cover(AwayService.Marked marked) {
        int owned = marked.coverage().owned();
        int deputised = marked.coverage().deputised();
        if (owned == 0) {
            return marked.state()
                    .deputyId()
                    .map(id -> Mentions.mention(id) + " covers for you, though you own no services right now")
                    .orElse("You own no services right now, so nothing needs covering");
        }
        if (marked.state().deputyId().isPresent()) {
            return Mentions.mention(marked.state().deputyId().get()) + " covers " + yourServices(owned);
        }
        if (deputised == owned) {
            return "Each service's own deputy covers " + yourServices(owned);
        }
        if (deputised == 0) {
            return (owned == 1
                            ? "Your service has no deputy, so its check-ins are"
                            : "None of your " + owned + " services has a deputy, so their check-ins are")
                    + " excused while you're away";
        }
        int excused = owned - deputised;
        return "Their own deputies cover " + deputised + " of your " + owned + " services; check-ins for the other "
                + excused + " are excused while you're away";
    }

    private static String yourServices(int owned) {
        return owned == 1 ? "your service" : "your " + owned + " services";
    }
}
