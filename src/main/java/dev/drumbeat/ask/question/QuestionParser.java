package dev.drumbeat.ask.question;

import dev.drumbeat.core.ServiceMatcher;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a question typed in Slack ("hey drumbeat, who owns paymnets?", "what can we deprioritize to
 * save €40k a quarter without touching CRM?") into a {@link Question}. Deterministic, no external
 * service: canonical words (UK spelling, keyword slips put right, politeness and the leading
 * mention trimmed) are matched against sentence shapes, and names go through
 * {@link ServiceMatcher}. Portfolio-wide topics are tried first, then what-if slips, then questions
 * about one service, then the deprioritisation question.
 *
 * <p>No word of a question is dropped unseen, by construction. Topics allow only light words around their phrase;
 * slips and look-ups match the whole question, their names included. The deprioritisation question, which has many
 * optional parts, is read by taking words: each part removes what it understood, and {@link QuestionLeftovers}
 * sorts what is left into the question's frame, words that could change the answer (asked back as
 * {@link Question.Unclear}) and words that could not (said back with the answer). Never throws: anything it cannot
 * read, or can only read with a guess, is {@link Question.Unknown}. Immutable and thread-safe.
 */
public final class QuestionParser {

    private final QuestionSlips slips;
    private final QuestionLookups lookups;
    private final QuestionSavings savings;

    /** The catalog's services and initiatives, by key and display name, as names are matched against them. */
    public QuestionParser(List<ServiceMatcher.Candidate> services, List<ServiceMatcher.Candidate> initiatives) {
        this(services, initiatives, List.of());
    }

    /** The same, and the open objectives by {@code o<id>} and title, for "how is <objective> doing". */
    public QuestionParser(
            List<ServiceMatcher.Candidate> services,
            List<ServiceMatcher.Candidate> initiatives,
            List<ServiceMatcher.Candidate> objectives) {
        this(services, initiatives, objectives, List.of());
    }

    /**
     * The same, and the people who own a service or initiative, by Slack user id and name, for "only Bruno's
     * services".
     */
    public QuestionParser(
            List<ServiceMatcher.Candidate> services,
            List<ServiceMatcher.Candidate> initiatives,
            List<ServiceMatcher.Candidate> objectives,
            List<ServiceMatcher.Candidate> owners) {
        List<ServiceMatcher.Candidate> both = new ArrayList<>(services);
        both.addAll(initiatives);
        this.slips = new QuestionSlips(new QuestionNames(initiatives, "an initiative"));
        this.lookups = new QuestionLookups(
                new QuestionNames(services, "a service"), new QuestionNames(objectives, "an objective"));
        this.savings = new QuestionSavings(
                new QuestionNames(both, "a service or initiative"), new QuestionNames(owners, "an owner"));
    }

    /** Reads {@code text} with no day known: a saving by a deadline is asked back. */
    public Question parse(String text) {
        return parse(text, Optional.empty());
    }

    /** Reads {@code text} on {@code today}, against which a deadline ("by the end of the year") is counted. */
    public Question parse(String text, Optional<LocalDate> today) {
        QuestionText question = QuestionText.of(text);
        if (question.isEmpty()) {
            return new Question.Unknown(question.asked(), Optional.empty());
        }
        try {
            return QuestionTopics.read(question)
                    .or(() -> QuestionObjectives.read(question))
                    .or(() -> slips.read(question))
                    .or(() -> lookups.read(question))
                    .or(() -> savings.read(question, today))
                    .orElseGet(() -> new Question.Unknown(question.asked(), Optional.empty()));
        } catch (QuestionRefusal refusal) {
            return new Question.Unknown(question.asked(), Optional.of(refusal.getMessage()));
        }
    }
}
