package dev.drumbeat.core;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the ways a person is named in a command: {@code <@U123|alice>}, {@code <@U123>}, {@code U123}, {@code @alice}. */
public final class Mentions {
    private static final Pattern ESCAPED = Pattern.compile("^<@([UW][A-Z0-9]+)(\\|[^>]*)?>$");
    private static final Pattern BARE_ID = Pattern.compile("^[UW][A-Z0-9]{2,}$");

    private Mentions() {}

    public static Optional<String> userId(String reference) {
        String text = reference.trim();
        Matcher escaped = ESCAPED.matcher(text);
        if (escaped.matches()) {
            return Optional.of(escaped.group(1));
        }
        return BARE_ID.matcher(text).matches() ? Optional.of(text) : Optional.empty();
    }

    /** The name Slack put in an escaped mention ({@code <@U123|alice>} gives alice). */
    public static Optional<String> escapedName(String reference) {
        Matcher escaped = ESCAPED.matcher(reference.trim());
        if (!escaped.matches() || escaped.group(2) == null || escaped.group(2).length() < 2) {
            return Optional.empty();
        }
        return Optional.of(escaped.group(2).substring(1));
    }

    public static String bareName(String reference) {
        String text = reference.trim();
        return text.startsWith("@") ? text.substring(1) : text;
    }

    /** Slack's way of mentioning a user in message text; Slack shows it as the person's name. */
    public static String mention(String userId) {
        return "<@" + userId + ">";
    }
}
