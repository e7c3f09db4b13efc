package dev.drumbeat.sandbox.standin;

import java.time.Instant;
import java.util.Map;

/**
 * One Web API call the stand-in received, kept so tests can assert what Drumbeat sent to Slack.
 * {@code args} are the method's arguments without the token; JSON-string arguments
 * ({@code blocks}, {@code view}, {@code attachments}, {@code metadata}) are parsed into maps and lists.
 * {@code error} is null when {@code ok}.
 */
public record SlackStandInCall(String method, Map<String, Object> args, Instant at, boolean ok, String error) {}
