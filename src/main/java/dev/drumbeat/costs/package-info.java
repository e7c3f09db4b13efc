/**
 * Costs from the bills: reading the cloud providers' FOCUS cost-and-usage exports. So far {@link
 * dev.drumbeat.costs.FocusScan} reads and sums them per billing account and month, and {@link
 * dev.drumbeat.costs.CostImportService} stores those sums, replacing a month imported again ({@code drumbeat costs
 * import}), with each service's share by the workspace's {@link dev.drumbeat.costs.CostRules} and what none took;
 * plan against actual and drift come next. Bills also arrive as an upload over HTTP and from the costs folder a sync
 * fills ({@link dev.drumbeat.costs.CostsIntakeFeature}).
 */
package dev.drumbeat.costs;
