package dev.drumbeat.catalog.csv;

import dev.drumbeat.catalog.ServiceFields;
import dev.drumbeat.slack.SlackBlocks;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules for the CSV cells the modal has no text rule for (it uses a checkbox and a channel picker),
 * plus amounts held at the database's scale. Each throws {@link IllegalArgumentException} with the reason.
 */
final class CatalogImportCells {
    private static final Pattern BARE_CHANNEL = Pattern.compile("[CG][A-Z0-9]{2,}");
    private static final Pattern ESCAPED_CHANNEL = Pattern.compile("<#([CG][A-Z0-9]{2,})(?:\\|[^>]*)?>");

    private CatalogImportCells() {}

    /** Via {@link ServiceFields#amount}, at two decimal places so an unchanged row compares equal. */
    static BigDecimal amount(String text) {
        return ServiceFields.amount(text).setScale(2);
    }

    /** yes/no, true/false, 1/0, any case; blank is no. */
    static boolean yesNo(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "1" -> true;
            case "no", "false", "0", "" -> false;
            default ->
                throw new IllegalArgumentException(
                        "“" + text.strip() + "” is not yes or no" + " (write yes, no, true, false, 1 or 0)");
        };
    }

    /** A Slack channel id such as C024BE91L (or Slack's escaped {@code <#C024BE91L|ops>}); blank is none. */
    static Optional<String> channel(String text) {
        String channel = text.strip();
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        if (BARE_CHANNEL.matcher(channel).matches()) {
            return Optional.of(channel);
        }
        Matcher escaped = ESCAPED_CHANNEL.matcher(channel);
        if (!escaped.matches()) {
            throw new IllegalArgumentException("“" + channel + "” is not a Slack channel id; use the id, like C024BE91L"
                    + " (in Slack: open the channel's details, it is at the bottom)");
        }
        return Optional.of(escaped.group(1));
    }

    /** Free text up to what a Slack text block shows. */
    static String description(String text) {
        String description = text.strip();
        if (description.length() > SlackBlocks.MAX_TEXT) {
            throw new IllegalArgumentException("a description is at most " + SlackBlocks.MAX_TEXT + " characters");
        }
        return description;
    }
}
