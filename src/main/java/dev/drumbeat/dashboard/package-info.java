/**
 * The read-only web dashboard (one-time links from `/drumbeat dashboard`, 8-hour sessions, CSV export) and the
 * portfolio JSON API. Entry: {@code DashboardFeature}.
 */
package dev.drumbeat.dashboard;
