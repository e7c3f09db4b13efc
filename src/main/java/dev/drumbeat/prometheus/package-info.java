/**
 * Prometheus's HTTP query API, as Prometheus and what speaks it (Thanos, Mimir, VictoriaMetrics, Grafana Cloud,
 * Amazon Managed Prometheus) serve it: {@link dev.drumbeat.prometheus.PrometheusClient} evaluates one PromQL
 * expression at one time and says what it measured, or exactly why it measured nothing. Infrastructure: it knows
 * nothing of services or KPIs.
 */
package dev.drumbeat.prometheus;
