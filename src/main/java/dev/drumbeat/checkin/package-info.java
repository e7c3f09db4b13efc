/**
 * Check-ins: the weekly prompt and reminders in each owner's zone, the check-in modal, `/drumbeat kpi`, and the readings
 * API machines push KPI values to. Entry: {@code CheckInFeature}.
 */
package dev.drumbeat.checkin;
