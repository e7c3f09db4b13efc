package dev.drumbeat.sandbox;

import java.util.Optional;
import java.util.function.Function;

/**
 * A person the driver acts as. {@code triggerIds}, when present, mints trigger ids the way a Slack
 * stand-in will later accept them for {@code views.open}.
 */
public record SlackUser(String teamId, String userId, String name, Optional<Function<String, String>> triggerIds) {

    public static SlackUser of(String teamId, String userId, String name) {
        return new SlackUser(teamId, userId, name, Optional.empty());
    }

    public SlackUser withTriggers(Function<String, String> mint) {
        return new SlackUser(teamId, userId, name, Optional.of(mint));
    }
}
