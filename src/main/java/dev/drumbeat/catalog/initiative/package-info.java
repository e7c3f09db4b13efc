/**
 * Initiatives: projects such as a cloud migration, with budget, due date, status and the services they rely on; their
 * commands and modal. Reads services from {@code catalog}, which does not import it. Entry: {@code InitiativeFeature}.
 */
package dev.drumbeat.catalog.initiative;
