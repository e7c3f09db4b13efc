package dev.drumbeat.checkin.readings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body of {@code POST …/readings}, read and checked field by field: {@code value} (a number, or a string
 * holding one, kept to 4 decimal places), optional {@code period} (a date), {@code source} (default {@code api}),
 * {@code recorded_at} (an ISO-8601 instant) and {@code backfill} ({@code true} to load history older than a year or
 * than the service). Anything else is a 400 saying what is expected. Pure.
 */
record ReadingsRequest(
        BigDecimal value, Optional<LocalDate> period, String source, Optional<Instant> recordedAt, boolean backfill) {
    static final String DEFAULT_SOURCE = "api";
    /** Sources that check-ins and `/drumbeat kpi` write; a machine must not overwrite what a person entered. */
    static final Set<String> RESERVED_SOURCES = Set.of("checkin", "slack");

    /**
     * {@code prometheus} is what Drumbeat's own measurements of bound KPIs are stored as; a system pushing with that
     * name is stored under this one, which the response names, so a push never passes for a measurement nor is
     * replaced by one.
     */
    static final String PUSHED_PROMETHEUS = "prometheus-push";

    static final String EXAMPLE = "{\"value\": 99.95, \"period\": \"2026-11-23\", \"source\": \"grafana\"}";
    private static final BigDecimal LIMIT = new BigDecimal("1E14");
    private static final BigDecimal HALF_LAST_PLACE = new BigDecimal("0.00005");
    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9._:-]{0,39}");
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    static ReadingsRequest parse(String body) {
        JsonNode json = object(body);
        return new ReadingsRequest(
                value(json.get("value")),
                period(json.get("period")),
                source(json.get("source")),
                recordedAt(json.get("recorded_at")),
                backfill(json.get("backfill")));
    }

    private static JsonNode object(String body) {
        try {
            JsonNode json = body == null || body.isBlank() ? null : JSON.readTree(body);
            if (json != null && json.isObject()) {
                return json;
            }
        } catch (JsonProcessingException e) {
            // answered below, the same way as any other body that isn't a JSON object
        }
        throw refused("The body must be a JSON object such as " + EXAMPLE + ".");
    }

    private static BigDecimal value(JsonNode node) {
        if (node == null || node.isNull()) {
            throw refused("Send the reading as \"value\", a number such as 99.95: " + EXAMPLE + ".");
        }
        BigDecimal value = number(node)
                .orElseThrow(() -> refused("\"value\" must be a number such as 99.95, not " + shown(node) + "."));
        if (value.abs().compareTo(LIMIT) >= 0) {
            throw refused("\"value\" must be between -99999999999999.9999 and 99999999999999.9999; " + shown(node)
                    + " is out of range.");
        }
        BigDecimal rounded =
                value.abs().compareTo(HALF_LAST_PLACE) < 0 ? BigDecimal.ZERO : value.setScale(4, RoundingMode.HALF_UP);
        return ReadingsDao.plain(rounded);
    }

    private static Optional<BigDecimal> number(JsonNode node) {
        if (node.isNumber()) {
            return Optional.of(node.decimalValue());
        }
        String text = node.isTextual() ? node.asText().strip() : "";
        if (text.isEmpty() || text.length() > 40) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> period(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(node.isTextual() ? node.asText().strip() : ""));
        } catch (DateTimeParseException e) {
            throw refused("\"period\" must be the date a period starts, written like \"2026-11-23\", not " + shown(node)
                    + ".");
        }
    }

    private static String source(JsonNode node) {
        if (node == null || node.isNull()) {
            return DEFAULT_SOURCE;
        }
        String source = node.isTextual() ? node.asText().strip().toLowerCase(Locale.ROOT) : "";
        if (!SOURCE.matcher(source).matches()) {
            throw refused("\"source\" names the system sending the reading: 1 to 40 letters, digits, dots, dashes,"
                    + " colons or underscores, such as \"grafana\"; not " + shown(node) + ".");
        }
        if (RESERVED_SOURCES.contains(source)) {
            throw refused("\"source\": \"" + source + "\" is kept for values people enter in Slack. Name your system"
                    + " instead, such as \"grafana\".");
        }
        return source.equals("prometheus") ? PUSHED_PROMETHEUS : source;
    }

    private static Optional<Instant> recordedAt(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    OffsetDateTime.parse(node.isTextual() ? node.asText().strip() : "")
                            .toInstant());
        } catch (DateTimeParseException e) {
            throw refused("\"recorded_at\" must be a moment with its offset, like \"2026-11-23T09:30:00Z\", not "
                    + shown(node) + ".");
        }
    }

    private static boolean backfill(JsonNode node) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw refused("\"backfill\" is true to load readings older than a year or than the service, or left out;"
                    + " not " + shown(node) + ".");
        }
        return node.booleanValue();
    }

    /** The value as sent, cut short so an answer never echoes a whole body back. */
    private static String shown(JsonNode node) {
        String text = node.toString();
        return text.length() <= 40 ? text : text.substring(0, 37) + "…";
    }

    private static ReadingsRefusal refused(String sentence) {
        return new ReadingsRefusal(ReadingsRefusal.BAD_REQUEST, sentence);
    }
}
