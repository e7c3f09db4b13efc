/**
 * Prometheus metrics at {@code /metrics}: Slack calls, job runs, and gauges over the outbox and check-ins.
 * Infrastructure.
 */
package dev.drumbeat.metrics;
