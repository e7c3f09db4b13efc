/**
 * The readings API: monitoring systems push KPI values with an API token, idempotent by KPI, period and source.
 * Imports nothing of {@code checkin}; {@code CheckInFeature} declares its route.
 */
package dev.drumbeat.checkin.readings;
