package dev.drumbeat.ask.question;

/**
 * One word of a question: as typed, and in the canonical form the question patterns read (lower
 * case, UK spelling, a slip in a keyword put right, "who's" as "who is"). Names are taken from the
 * typed form, so a correction aimed at keywords never changes a service name. {@code position} is the word's place
 * in the question as asked, so words left over after a reading took its parts can be quoted back in runs as typed.
 */
record QuestionToken(String original, String canonical, int position) {

    /** A word not yet placed in a question. */
    QuestionToken(String original, String canonical) {
        this(original, canonical, -1);
    }

    QuestionToken at(int newPosition) {
        return new QuestionToken(original, canonical, newPosition);
    }
}
