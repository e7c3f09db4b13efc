/**
 * The App Home tab: a person's services, pending check-ins, escalations and key results, and portfolio health for
 * leadership. Entry: {@code HomeFeature}.
 */
package dev.drumbeat.home;
