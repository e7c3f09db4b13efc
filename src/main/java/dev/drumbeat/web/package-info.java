/**
 * The HTTP server (Javalin): Slack's endpoint, health, readiness and metrics, and the routes features declare.
 * Infrastructure.
 */
package dev.drumbeat.web;
