package dev.drumbeat.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README walks a newcomer through the sandbox page, so the buttons it names are the ones on the page. */
class SandboxReadmeTest {
    private static final Pattern CLOCK_BUTTON =
            Pattern.compile("<button type=\"button\" id=\"(?:day|monday)\">([^<]+)</button>");

    @Test
    void the_readme_names_the_clock_buttons_as_the_page_shows_them() throws IOException {
        String page;
        try (InputStream in = SandboxReadmeTest.class.getResourceAsStream("/sandbox/index.html")) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String readme = Files.readString(Path.of("README.md"));

        Matcher buttons = CLOCK_BUTTON.matcher(page);
        int found = 0;
        while (buttons.find()) {
            found++;
            assertThat(readme).contains("**" + buttons.group(1) + "**");
        }
        assertThat(found).isEqualTo(2);
    }
}
