/**
 * Costs from the bills: reading the cloud providers' FOCUS cost-and-usage exports. So far {@link
 * dev.drumbeat.costs.FocusScan} reads and sums them; storing, allocating to services and drift come next.
 */
package dev.drumbeat.costs;
