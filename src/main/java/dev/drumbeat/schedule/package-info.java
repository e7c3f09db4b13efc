/**
 * Quartz with its clustered JDBC store: each recurring job runs once per interval across all instances.
 * Infrastructure.
 */
package dev.drumbeat.schedule;
