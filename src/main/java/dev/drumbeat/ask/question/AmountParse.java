package dev.drumbeat.ask.question;

import java.util.List;
import java.util.Objects;

/** What {@link AmountParser} made of a piece of text. */
sealed interface AmountParse {

    /**
     * An amount, read safely, and the stretches of the text it was read from: the number itself, and its currency,
     * period, span or deadline wherever they were said.
     */
    record Found(Amount amount, List<QuestionSpan> used) implements AmountParse {
        public Found {
            Objects.requireNonNull(amount, "amount");
            used = List.copyOf(used);
        }
    }

    /** Something that is an amount but could be read more than one way, with a sentence saying why. */
    record Refused(String reason) implements AmountParse {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** No amount in the text at all. */
    record Absent() implements AmountParse {}
}
