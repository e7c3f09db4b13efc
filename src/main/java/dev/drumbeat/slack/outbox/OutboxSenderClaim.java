package dev.drumbeat.slack.outbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A row this sender has marked {@code sending}, with its arguments ready to send ({@code $ts_of} resolved). */
record OutboxSenderClaim(OutboxSenderRow row, ObjectNode args) {

    String method() {
        return row.method();
    }

    String channel() {
        return row.channel();
    }
}
