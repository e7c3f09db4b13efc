package dev.drumbeat.measure;

import dev.drumbeat.core.UserError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PromQL as a person typed it into Slack, made what Prometheus reads: Slack's links around URLs unwrapped (it turns
 * {@code https://…} in a label value into {@code <https://…>}), and the curly quotes some clients put for straight
 * ones turned back. A Slack mention or channel link ({@code <!channel>}, {@code <@U…>}, {@code <#C…>}) is no PromQL
 * and is refused. Slack's entities ({@code &lt;}) are already undone by the command router. Pure.
 */
final class PromqlText {
    private static final Pattern MENTION = Pattern.compile("<[!@#][^>]*>");
    private static final Pattern LINK = Pattern.compile("<((?:https?|mailto):[^|>\\s]*)(?:\\|([^>]*))?>");

    private PromqlText() {}

    static String clean(String typed) {
        if (MENTION.matcher(typed).find()) {
            throw new UserError("A query can't hold a Slack mention or channel link such as `&lt;!channel&gt;`."
                    + " Type the PromQL alone, for example `sum(rate(http_requests_total{job=\"payments\"}[5m]))`.");
        }
        Matcher link = LINK.matcher(typed);
        StringBuilder unwrapped = new StringBuilder();
        while (link.find()) {
            String shown = link.group(2) != null ? link.group(2) : link.group(1);
            link.appendReplacement(unwrapped, Matcher.quoteReplacement(shown));
        }
        link.appendTail(unwrapped);
        return unwrapped
                .toString()
                .replaceAll("[\u201C\u201D\u201E\u201F\u2033]", "\"")
                .replaceAll("[\u2018\u2019\u201A\u201B\u2032]", "'")
                .strip();
    }
}
