package dev.drumbeat.ask.question;

/**
 * Thrown inside the parser when a question was recognised but cannot be answered as asked: a name
 * that fits several services or none, an amount with two readings. {@link QuestionParser} turns it
 * into {@link Question.Unknown} with the message as the note, so it never leaves the parser.
 */
final class QuestionRefusal extends RuntimeException {

    QuestionRefusal(String sentence) {
        super(sentence, null, false, false);
    }
}
