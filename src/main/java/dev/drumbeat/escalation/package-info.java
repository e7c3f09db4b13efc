/**
 * Escalations: the ladder from owner to deputy or team channel to leadership, the buttons and forms that act on it,
 * `/drumbeat escalations` and `stale`, and the daily owner check. The rules that find items live in {@code escalation.rules}, the
 * thresholds and digest schedule in {@code escalation.settings}. Entry: {@code EscalationFeature}.
 */
package dev.drumbeat.escalation;
