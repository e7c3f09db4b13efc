/**
 * Slack at the edge: Bolt set-up, the Javalin adapter and request verification, the `/drumbeat` router and the
 * boundary every interaction passes through, retries, and shared Block Kit helpers. The outbox lives in
 * {@code slack.outbox}. Infrastructure: imports only the kernel.
 */
package dev.drumbeat.slack;
