/**
 * The catalog: services, owners, deputies and KPIs; their commands, cards and modals. Other features read it through
 * {@code CatalogService}. Initiatives live in {@code catalog.initiative} and CSV import and export in
 * {@code catalog.csv}; both read this package, which imports neither. Entry: {@code CatalogFeature}.
 */
package dev.drumbeat.catalog;
