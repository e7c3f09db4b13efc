/**
 * The database: a PostgreSQL URL or embedded PostgreSQL in a data folder, HikariCP, Flyway migrations and JDBI.
 * Infrastructure.
 */
package dev.drumbeat.db;
