/**
 * The Slack outbox: every message Drumbeat sends is a row first, then sent by {@code OutboxSender} within Slack's
 * rate limits, with retries and dead letters that features may handle. Infrastructure.
 */
package dev.drumbeat.slack.outbox;
