/**
 * The question parser: plain words in, a typed {@code Question} (or a refusal saying what was not understood) out.
 * Pure functions over the workspace's names; used by {@code ask} and the advisor it feeds.
 */
package dev.drumbeat.ask.question;
