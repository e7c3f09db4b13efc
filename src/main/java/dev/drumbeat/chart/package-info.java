/**
 * Charts as images: KPI trends for service cards, cost and margin by tier for the digest, a service's plan against
 * its bills for the dashboard, served from signed links that expire. Implements the catalog's {@code ServiceCharts}
 * and the digest's {@code DigestChart}. Entry: {@code ChartFeature}.
 */
package dev.drumbeat.chart;
