package dev.drumbeat.slack;

import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import dev.drumbeat.config.Config;
import dev.drumbeat.config.ConfigException;
import java.io.IOException;
import java.util.Set;

/**
 * Who the bot token belongs to, asked of Slack ({@code auth.test}) once at start: the workspace Drumbeat serves. A
 * start that cannot ask stops with one sentence: the token refused is a setting to fix ({@link ConfigException}),
 * Slack out of reach is the network's ({@link SlackUnreachable}).
 */
public record SlackIdentity(String teamId, String teamName) {
    /** auth.test errors that mean the token itself is wrong, revoked or for a workspace that is gone. */
    private static final Set<String> REFUSED_TOKEN =
            Set.of("not_authed", "invalid_auth", "account_inactive", "token_revoked", "token_expired", "team_disabled");

    public static SlackIdentity ask(Slack slack, Config config) {
        AuthTestResponse answer;
        try {
            answer = slack.methods(config.botToken()).authTest(request -> request);
        } catch (IOException e) {
            throw unreachable(config, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (SlackApiException e) {
            throw unreachable(config, "it answered HTTP " + e.getResponse().code());
        }
        if (answer.isOk()) {
            return new SlackIdentity(answer.getTeamId(), answer.getTeam() == null ? "" : answer.getTeam());
        }
        if (REFUSED_TOKEN.contains(answer.getError())) {
            throw new ConfigException("SLACK_BOT_TOKEN was refused by Slack (" + answer.getError() + "); copy the"
                    + " Bot User OAuth Token (xoxb-…) again from your app's Install App page");
        }
        throw unreachable(config, "auth.test answered " + answer.getError());
    }

    private static SlackUnreachable unreachable(Config config, String reason) {
        return new SlackUnreachable("cannot reach Slack at " + config.slackApiUrl() + " (" + reason + "); check that"
                + " this machine can reach it, through any proxy or firewall (curl -sS " + config.slackApiUrl()
                + "api.test), or set DRUMBEAT_SLACK_API_URL if Slack is reached through another address");
    }
}
