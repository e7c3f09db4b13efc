/**
 * A local stand-in for the Slack Web API that checks every call against Slack's documented contract (methods,
 * arguments, scopes from the manifest, Block Kit limits) and can answer 429s and errors. Serves the demo and the tests.
 */
package dev.drumbeat.sandbox.standin;
