package dev.drumbeat.sandbox.standin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The one JSON mapper the stand-in reads requests and writes answers with; ObjectMapper is thread-safe. */
public final class SlackStandInJson {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private SlackStandInJson() {}

    static Object parseOrKeep(String text) {
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException notJson) {
            return text;
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("maps of strings, numbers and lists always serialise", impossible);
        }
    }

    static <T> T read(InputStream in, Class<T> type) {
        try (in) {
            return MAPPER.readValue(in, type);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
