/**
 * The settings of answers to `/drumbeat ask`, per workspace: the impact weights the advisor chooses by and the
 * exchange rates an amount in another currency is converted at, with their section of `/drumbeat settings` to read
 * and change them. Used by {@code ask}; imports the advisor's {@code ImpactWeights}, nothing of {@code ask} itself.
 */
package dev.drumbeat.ask.settings;
