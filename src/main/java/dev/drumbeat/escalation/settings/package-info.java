/**
 * Escalation settings per workspace: the thresholds the rules use (grace, red streak, KPI periods, time to each
 * level) and the digest's day, hour and zone, with their section of `/drumbeat settings` to read and change them.
 * Used by {@code escalation} and {@code digest}; imports neither.
 */
package dev.drumbeat.escalation.settings;
