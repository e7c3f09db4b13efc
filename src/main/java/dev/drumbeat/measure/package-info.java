/**
 * KPIs and demand measured where they live: a KPI, or a service's monthly demand, bound to a PromQL expression that
 * Drumbeat evaluates at the end of every period in the owner's time zone, storing the number (KPI readings with source
 * {@code prometheus}) or the reason there is none. Binding fills the past periods from Prometheus's history. Knows
 * services and KPIs only as rows; the catalog and check-ins call in here, never the other way round.
 */
package dev.drumbeat.measure;
