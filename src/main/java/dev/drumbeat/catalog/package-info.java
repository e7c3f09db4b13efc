/**
 * The catalog: services, owners, deputies, KPIs and initiatives; their commands, cards and modals. Other features read
 * it through {@code CatalogService}. CSV import and export live in {@code catalog.csv}. Entry: {@code CatalogFeature}.
 */
package dev.drumbeat.catalog;
