package dev.drumbeat.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every emoji Drumbeat writes in a message is one the sandbox page draws, not left as its :code:. */
class SandboxEmojiTest {
    /** An emoji code in a string literal: after a quote or a space, before a space or a quote. */
    private static final Pattern IN_MESSAGES = Pattern.compile("(?<=[\"\\s]):([a-z_]+):(?=[\\s\"])");

    /** A key of blocks.js's emoji table: {@code  large_green_circle: '🟢',}. */
    private static final Pattern DRAWN = Pattern.compile("\\b([a-z0-9_+-]+): '");

    /** Codes that look like emoji in the sources but are parts of keys, such as {@code "decision:7:undone:…"}. */
    private static final Set<String> NOT_EMOJI = Set.of("undone");

    @Test
    void the_sandbox_draws_every_emoji_code_drumbeats_messages_use() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            sources.filter(path -> path.toString().endsWith(".java")).forEach(path -> used.addAll(codes(path)));
        }
        used.removeAll(NOT_EMOJI);
        assertThat(used).contains("large_green_circle", "white_check_mark", "leftwards_arrow_with_hook");
        assertThat(drawn()).containsAll(used);
    }

    private static Set<String> codes(Path source) {
        try {
            Set<String> codes = new TreeSet<>();
            Matcher code = IN_MESSAGES.matcher(Files.readString(source));
            while (code.find()) {
                codes.add(code.group(1));
            }
            return codes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> drawn() throws IOException {
        try (InputStream in = SandboxEmojiTest.class.getResourceAsStream("/sandbox/blocks.js")) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String table = script.substring(script.indexOf("const emoji = {"), script.indexOf("};"));
            Set<String> keys = new TreeSet<>();
            Matcher key = DRAWN.matcher(table);
            while (key.find()) {
                keys.add(key.group(1));
            }
            return keys;
        }
    }
}
