/**
 * Escalations: the rules that find stale, ownerless, red and off-target items, the ladder from owner to leadership,
 * the buttons and forms that act on them, the daily owner check and the settings. Entry: {@code EscalationFeature}.
 */
package dev.drumbeat.escalation;
