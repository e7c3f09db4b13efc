/**
 * The one immutable {@code Config}, read from the environment at start; a missing or malformed setting stops the
 * process with one line naming the variable. Infrastructure.
 */
package dev.drumbeat.config;
