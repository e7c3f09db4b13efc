/**
 * The kernel every other package may use and that uses none of them: {@code UserError}, who is asking ({@code Actor},
 * {@code Role}, {@code Actors}, {@code Mentions}), check-in {@code Periods}, {@code Money}, secret hashing and the
 * typo-tolerant {@code ServiceMatcher}. Pure values and functions; no database, no Slack.
 */
package dev.drumbeat.core;
