/**
 * The browser sandbox that plays Slack for `drumbeat demo`, and the demo portfolio it is seeded with. The stand-in for
 * the Slack Web API lives in {@code sandbox.standin}.
 */
package dev.drumbeat.sandbox;
