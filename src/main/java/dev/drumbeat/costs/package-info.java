/**
 * Costs from the bills: reading the cloud providers' FOCUS cost-and-usage exports. So far {@link
 * dev.drumbeat.costs.FocusScan} reads and sums them per billing account and month, and {@link
 * dev.drumbeat.costs.CostImportService} stores those sums, replacing a month imported again ({@code drumbeat costs
 * import}); allocating them to services, plan against actual and drift come next.
 */
package dev.drumbeat.costs;
