package dev.drumbeat.ask.question;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "How is O3 doing?", "how is objective 3 going", "progress of O3": a question about one objective, named by the number
 * `/drumbeat okr` shows. Stateless and thread-safe.
 */
final class QuestionObjectives {
    private static final String OBJECTIVE = "(?:(?:the )?(?:objective|okr) (?:o|#)?|o|#)(?<id>\\d{1,9})";
    private static final Pattern[] SHAPES = {
        Pattern.compile(
                "how (?:is|are) " + OBJECTIVE + "(?: (?:doing|going|looking|tracking|coming along|progressing))?"),
        Pattern.compile(
                "(?:what is )?(?:the )?(?:status|progress|state|health)(?: update)? (?:of|on|for|with) " + OBJECTIVE),
        Pattern.compile("(?:show|show me) " + OBJECTIVE),
    };

    private QuestionObjectives() {}

    static Optional<Question> read(QuestionText text) {
        for (Pattern shape : SHAPES) {
            Matcher m = shape.matcher(text.canonical());
            if (m.matches()) {
                return Optional.of(new Question.HowIsObjective(Long.parseLong(m.group("id"))));
            }
        }
        return Optional.empty();
    }
}
