package dev.drumbeat.ask.question;

import java.util.Objects;

/** What {@link AmountParser} made of a piece of text. */
sealed interface AmountParse {

    /** An amount, read safely. */
    record Found(Amount amount) implements AmountParse {
        public Found {
            Objects.requireNonNull(amount, "amount");
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
