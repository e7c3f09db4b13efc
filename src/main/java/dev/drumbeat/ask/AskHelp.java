package dev.drumbeat.ask;

import dev.drumbeat.ask.question.Question;
import dev.drumbeat.slack.SlackBlocks;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * What Drumbeat can be asked, with examples built from the asker's own services (or the costliest ones when they own
 * none), so the first thing they try works. Also the answer to anything it could not read: never an error.
 */
final class AskHelp {
    private static final String FALLBACK_SERVICE = "Payments API";
    private static final String FALLBACK_INITIATIVE = "the cloud migration";
    private final Jdbi jdbi;

    AskHelp(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Answer help(String teamId, String userId) {
        return answer("help", "Here is what you can ask me", teamId, userId);
    }

    /** The answer to a question it could not read: why, when it came close, then what it can answer. */
    Answer unknown(String teamId, String userId, Question.Unknown question) {
        String why = question.ambiguity()
                .map(SlackBlocks::escape)
                .orElse(
                        question.text().isBlank()
                                ? "Ask me a question about the portfolio."
                                : "I didn't understand “" + SlackBlocks.escape(SlackBlocks.clip(question.text(), 200))
                                        + "”.");
        return answer("unknown", why + " Here is what I can answer", teamId, userId);
    }

    private Answer answer(String kind, String opening, String teamId, String userId) {
        String service = example(teamId, userId);
        String initiative = jdbi.withExtension(AskDao.class, dao -> dao.initiativeNames(teamId)).stream()
                .findFirst()
                .map(c -> SlackBlocks.escape(c.name()))
                .orElse(FALLBACK_INITIATIVE);
        String text = opening + " (with `/drumbeat ask …`, or mention me in a channel):\n"
                + "• who owns " + service + "? · who is the deputy for " + service + "?\n"
                + "• how is " + service + " doing?\n"
                + "• what is stale? · what is ownerless? · what is escalated?\n"
                + "• what is the unit cost of " + service + "? · what costs the most? · where is margin negative?\n"
                + "• what can we deprioritise to save 50k a month? Add `without touching " + service
                + "`, `including strategic`, `secondary only`, `only initiatives`, `only &lt;owner&gt;'s services` or `if we"
                + " pause " + initiative + "`; amounts such as `1.2m a year`, `40k a quarter`, `3k a week` or `2% of"
                + " monthly cost` work too.\n"
                + "• what if " + initiative + " slips 6 weeks?\n"
                + "• which OKRs are at risk? · which key results are vanity? · how is O3 doing?";
        return Answer.of(kind, opening, List.of(SlackBlocks.markdown(text)));
    }

    /** The name of a service the asker owns, else the costliest, else a made-up one. */
    private String example(String teamId, String userId) {
        Optional<AskDao.ServiceFact> owned =
                jdbi.withExtension(AskDao.class, dao -> dao.ownedBy(teamId, userId, 1)).stream()
                        .findFirst();
        return owned.or(() -> jdbi.withExtension(AskDao.class, dao -> dao.costliest(teamId, 1)).stream()
                        .findFirst())
                .map(s -> SlackBlocks.escape(s.name()))
                .orElse(FALLBACK_SERVICE);
    }
}
