/**
 * The escalation rules: the facts read for every service and initiative in one set-based query
 * ({@code EscalationFactsDao}, SQL beside it), and the pure functions that turn them into {@code Finding}s with a
 * {@code Reason} (stale, ownerless, red streak, KPI off target, initiative slipping, owner away uncovered, cost drift,
 * unallocated spend, measuring failing). The bills are read through {@code costs.CostMonths} ({@code CostFacts}) and judged by
 * {@code CostDrift}. No Slack, no writes.
 */
package dev.drumbeat.escalation.rules;
