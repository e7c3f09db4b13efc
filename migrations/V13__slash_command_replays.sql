-- Slash commands already run, by the signature Slack put on each. Slack never sends a slash command twice, so a second
-- request with the same signature inside the five-minute timestamp window is a replay and is dropped without running.
-- Rows older than the window are pruned; the index keeps that cheap.
create table slack_commands_seen (
    signature  text primary key,
    seen_at    timestamptz not null
);
create index slack_commands_seen_at on slack_commands_seen (seen_at);
