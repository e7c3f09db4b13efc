package dev.drumbeat.ask.question;

/** A stretch {@code [start, end)} of a question's canonical words that one part of a reading took. */
record QuestionSpan(int start, int end) {
    QuestionSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("not a span: [" + start + ", " + end + ")");
        }
    }

    QuestionSpan shifted(int by) {
        return new QuestionSpan(start + by, end + by);
    }
}
