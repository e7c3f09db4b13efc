/**
 * The weekly check-in prompt: one set-based sweep plans every due prompt at 09:00 in each owner's zone (the prompt's
 * unique key makes it once per person per week), the reminder, and the redraw once a check-in answers it (through
 * {@code checkin.PromptUpdates}). Entry: {@code PromptFeature}.
 */
package dev.drumbeat.checkin.prompt;
