/**
 * Asking: `/drumbeat ask` and `@Drumbeat` questions answered from the database, shared answers, and the Slack surface
 * of decisions (record, undo, `/drumbeat decisions`). Parsing lives in {@code ask.question}, the optimiser in
 * {@code ask.advisor}, recording in {@code ask.decision}; this package sits above all three. Entry: {@code AskFeature}.
 */
package dev.drumbeat.ask;
