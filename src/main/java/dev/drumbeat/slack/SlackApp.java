package dev.drumbeat.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.drumbeat.config.Config;

/** Builds the Bolt app: pointed at the configured Web API URL, with Drumbeat doing request verification itself. */
public final class SlackApp {
    private SlackApp() {}

    public static Slack client(Config config) {
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(config.slackApiUrl());
        slackConfig.setPrettyResponseLoggingEnabled(false);
        slackConfig.setStatsEnabled(false);
        return Slack.getInstance(slackConfig);
    }

    public static App create(Config config, Slack slack) {
        return new App(AppConfig.builder()
                .singleTeamBotToken(config.botToken())
                .signingSecret(config.signingSecret())
                .slack(slack)
                .requestVerificationEnabled(false)
                .allEventsApiAutoAckEnabled(true)
                .build());
    }
}
