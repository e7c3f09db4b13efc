package dev.drumbeat.sandbox.standin;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A call's arguments as the method handlers read them. Form values arrive as strings and JSON bodies as
 * typed values, so each accessor accepts both; "present" means what Slack means: not blank, not empty.
 */
record SlackStandInArgs(Map<String, Object> values) {

    boolean has(String name) {
        Object value = values.get(name);
        if (value instanceof String text) {
            return !text.isBlank();
        }
        if (value instanceof Collection<?> list) {
            return !list.isEmpty();
        }
        return value != null;
    }

    boolean hasAny(List<String> names) {
        return names.stream().anyMatch(this::has);
    }

    String string(String name) {
        Object value = values.get(name);
        return has(name) ? String.valueOf(value) : null;
    }

    boolean flag(String name) {
        return "true".equalsIgnoreCase(String.valueOf(values.get(name)))
                || "1".equals(String.valueOf(values.get(name)));
    }

    int number(String name, int fallback) {
        try {
            return has(name) ? Integer.parseInt(string(name).trim()) : fallback;
        } catch (NumberFormatException notANumber) {
            return fallback;
        }
    }

    Object raw(String name) {
        return values.get(name);
    }

    /** A comma-separated form value or a JSON array, as a list of trimmed ids. */
    List<String> ids(String name) {
        Object value = values.get(name);
        Stream<?> parts = value instanceof Collection<?> list
                ? list.stream()
                : has(name) ? Stream.of(string(name).split(",")) : Stream.empty();
        return parts.map(String::valueOf)
                .map(String::trim)
                .filter(id -> !id.isEmpty())
                .toList();
    }
}
