package dev.drumbeat.catalog;

import dev.drumbeat.measure.Measures;
import dev.drumbeat.slack.SlackBlocks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a service is measured, as people write it in the service modal and the catalog CSV: one {@code <kpi-key> =
 * <promql>} a line, and {@code demand = <promql>} for its monthly demand. The modal and the import refuse the same
 * things with the same words; each refusal is an {@link IllegalArgumentException} naming the line. Pure.
 */
public final class MeasuredBy {
    /** What a line names to bind the service's monthly demand rather than a KPI. */
    public static final String DEMAND = "demand";

    private MeasuredBy() {}

    /** One binding as written: a KPI's key, or empty for the monthly demand, and its PromQL. */
    public record Line(Optional<String> kpiKey, String query) {
        public String target() {
            return kpiKey.orElse(DEMAND);
        }

        public String written() {
            return target() + " = " + oneLine(query);
        }
    }

    /**
     * The lines of {@code text} (blank ones skipped), each naming one of {@code kpiKeys} (in any case), or the demand
     * when {@code demandAllowed}; each target at most once.
     */
    public static List<Line> parse(String text, Set<String> kpiKeys, boolean demandAllowed) {
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String[] written = text == null ? new String[0] : text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < written.length; i++) {
            if (written[i].isBlank()) {
                continue;
            }
            int number = i + 1;
            Line line = line(number, written[i], kpiKeys, demandAllowed);
            Integer first = seen.putIfAbsent(line.target(), number);
            if (first != null) {
                throw new IllegalArgumentException(
                        "line " + number + " binds " + line.target() + " again (line " + first + " does already)");
            }
            lines.add(line);
        }
        return List.copyOf(lines);
    }

    /** A PromQL expression as Drumbeat keeps it: stripped, not empty, no NUL, at most {@link Measures#MAX_QUERY}. */
    public static String query(String raw) {
        String query = raw == null ? "" : raw.strip();
        if (query.isEmpty()) {
            throw new IllegalArgumentException("the PromQL is empty");
        }
        if (query.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the PromQL holds a NUL character; PromQL has none");
        }
        if (query.length() > Measures.MAX_QUERY) {
            throw new IllegalArgumentException("the PromQL is " + query.length() + " characters; at most "
                    + Measures.MAX_QUERY + " (record a long expression as a Prometheus recording rule and bind its"
                    + " name)");
        }
        return query;
    }

    /** A query with its line breaks (PromQL's whitespace) made spaces, as a line holds it. */
    public static String oneLine(String query) {
        return query.replaceAll("\\s*\\R\\s*", " ");
    }

    /** The lines as people write them, the demand first, one a line. */
    /**
     * A short fingerprint of bindings as written, kept in the edit form's metadata: on save, bindings changed by
     * someone else meanwhile are told apart from the ones the form showed.
     */
    public static String fingerprint(String written) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(written.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public static String write(List<Line> lines) {
        StringBuilder text = new StringBuilder();
        lines.stream().filter(l -> l.kpiKey().isEmpty()).forEach(l -> append(text, l));
        lines.stream().filter(l -> l.kpiKey().isPresent()).forEach(l -> append(text, l));
        return text.toString();
    }

    private static void append(StringBuilder text, Line line) {
        text.append(text.isEmpty() ? "" : "\n").append(line.written());
    }

    private static Line line(int number, String written, Set<String> kpiKeys, boolean demandAllowed) {
        int equals = written.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("line " + number + " has no “=”; write one binding a line, such as"
                    + " availability = avg_over_time(up{job=\"payments\"}[7d]) * 100");
        }
        String target = written.substring(0, equals).strip().toLowerCase(Locale.ROOT);
        String query;
        try {
            query = query(written.substring(equals + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + number + ": " + e.getMessage());
        }
        if (target.equals(DEMAND) && demandAllowed) {
            return new Line(Optional.empty(), query);
        }
        if (kpiKeys.stream().anyMatch(k -> k.equalsIgnoreCase(target))) {
            return new Line(Optional.of(target), query);
        }
        throw new IllegalArgumentException("line " + number + ": " + unknown(target, kpiKeys, demandAllowed));
    }

    private static String unknown(String target, Set<String> kpiKeys, boolean demandAllowed) {
        if (target.equals(DEMAND)) {
            return "bind the monthly demand in the demand_query column";
        }
        String named = target.isEmpty() ? "nothing is named before “=”" : "“" + clipped(target) + "” is not a KPI key";
        if (kpiKeys.isEmpty()) {
            return named + "; the service has no KPIs yet"
                    + (demandAllowed ? ", so only demand = <promql> can be bound" : "");
        }
        return named + "; its KPIs are " + String.join(", ", new TreeSet<>(kpiKeys))
                + (demandAllowed ? ", and demand for its monthly demand" : "");
    }

    private static String clipped(String text) {
        return SlackBlocks.clip(text, 40);
    }
}
