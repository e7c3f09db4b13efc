/**
 * People: who is who in a workspace ({@code PeopleService}, used by most features), roles, `whoami`, away with a
 * deputy, Slack's word that someone left, and the hourly sync. Entry: {@code PeopleFeature}.
 */
package dev.drumbeat.people;
