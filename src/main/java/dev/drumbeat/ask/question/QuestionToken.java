package dev.drumbeat.ask.question;

/**
 * One word of a question: as typed, and in the canonical form the question patterns read (lower
 * case, UK spelling, a slip in a keyword put right, "who's" as "who is"). Names are taken from the
 * typed form, so a correction aimed at keywords never changes a service name.
 */
record QuestionToken(String original, String canonical) {}
