/**
 * Costs from the bills: the cloud providers' FOCUS cost-and-usage exports, read, allocated to services and kept as
 * monthly sums with where they came from.
 *
 * <ul>
 *   <li>Reading: {@link dev.drumbeat.costs.FocusScan} sums the files in an embedded DuckDB;
 *       {@link dev.drumbeat.costs.CostImportService} stores an import in one transaction, replacing an account's
 *       invoice month imported again, each service's share by the month it belongs to (a correction in the month it
 *       corrects), converted at an admin's rate where the bill is in another currency.
 *   <li>Ways in: {@code drumbeat costs import} ({@link dev.drumbeat.costs.CostsCli}), an upload over HTTP and the
 *       costs folder a sync fills ({@link dev.drumbeat.costs.CostsIntakeFeature}).
 *   <li>Allocation rules: {@link dev.drumbeat.costs.CostRules}, edited in Slack with a preview, apply and undo, over
 *       HTTP and from the command line ({@link dev.drumbeat.costs.CostsFeature}); a change allocates the months
 *       already imported again ({@link dev.drumbeat.costs.CostReallocation}).
 *   <li>Reading the results: {@link dev.drumbeat.costs.CostMonths} is the one reader of actual costs by month, for
 *       the card ({@link dev.drumbeat.costs.CostActuals}), the dashboard, escalations, the digest, the advisor and the
 *       quarterly review.
 * </ul>
 */
package dev.drumbeat.costs;
