/**
 * Decisions leadership records from an answer: the picks are locked, checked unchanged and deprioritised in one
 * transaction, and can be undone. Owners are told through a {@code DecisionNotifier} that {@code ask} implements.
 */
package dev.drumbeat.ask.decision;
