package dev.drumbeat.core;

/**
 * Text PostgreSQL can store. A NUL character ({@code \0}) cannot be stored in a text column, so text holding one is
 * refused where it enters, with the field's or the row's own message, instead of failing deep in a transaction.
 */
public final class StorableText {
    /** What a person is told about a NUL in what they typed, after naming where it is. */
    public static final String NUL_SENTENCE =
            "contains a NUL character (\\0), which Drumbeat can't store. Remove it and try again.";

    private StorableText() {}

    public static boolean hasNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }
}
