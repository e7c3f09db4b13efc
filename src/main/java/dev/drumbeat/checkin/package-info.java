/**
 * Check-ins: the check-in modal and its validation, `/drumbeat checkin` and `/drumbeat kpi`, one check-in per service
 * per period. The weekly prompt lives in {@code checkin.prompt}, which this package tells through
 * {@code PromptUpdates}, and the readings API in {@code checkin.readings}, which imports nothing of it. Entry:
 * {@code CheckInFeature}.
 */
package dev.drumbeat.checkin;
