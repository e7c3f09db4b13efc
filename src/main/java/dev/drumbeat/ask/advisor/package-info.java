/**
 * The deprioritisation advisor: reads the portfolio ({@code AdvisorDao}, {@code candidates.sql}), swaps each billed
 * service's plan for what the bills say it actually cost ({@code AdvisorActuals}, through the costs feature's
 * {@code CostMonths}), applies the protection rules and runs the optimiser that picks what saves the target at the
 * least value and OKR impact. Used by {@code ask} and {@code ask.decision}; knows nothing of Slack.
 */
package dev.drumbeat.ask.advisor;
