package dev.drumbeat.sandbox.standin;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Answers auth.test, users.info and users.list: who the bot is, and who is in the stand-in workspace. */
final class SlackStandInPeople {

    private final SlackStandInUsers users;
    private final Clock clock;

    SlackStandInPeople(SlackStandInUsers users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    void register(Map<String, Function<SlackStandInArgs, SlackStandInAnswer>> handlers) {
        handlers.put("auth.test", args -> identify());
        handlers.put("users.info", this::info);
        handlers.put("users.list", this::list);
    }

    private static SlackStandInAnswer identify() {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("url", "https://drumbeat-sandbox.slack.com/");
        identity.put("team", "Drumbeat Sandbox");
        identity.put("user", "drumbeat");
        identity.put("team_id", SlackStandIn.TEAM_ID);
        identity.put("user_id", SlackStandIn.BOT_USER_ID);
        identity.put("bot_id", SlackStandIn.BOT_ID);
        identity.put("app_id", SlackStandIn.APP_ID);
        identity.put("is_enterprise_install", false);
        return SlackStandInAnswer.ok(identity);
    }

    private SlackStandInAnswer info(SlackStandInArgs args) {
        return users.find(args.string("user"))
                .map(user -> SlackStandInAnswer.ok(Map.of("user", user)))
                .orElseGet(() -> SlackStandInAnswer.error("user_not_found"));
    }

    private SlackStandInAnswer list(SlackStandInArgs args) {
        return users.page(args.string("cursor"), args.number("limit", 0))
                .map(page -> SlackStandInAnswer.ok(Map.of(
                        "members", page.members(),
                        "cache_ts", clock.instant().getEpochSecond(),
                        "response_metadata", Map.of("next_cursor", page.nextCursor()))))
                .orElseGet(() -> SlackStandInAnswer.error("invalid_cursor"));
    }
}
