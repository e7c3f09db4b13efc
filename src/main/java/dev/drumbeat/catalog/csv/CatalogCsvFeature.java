package dev.drumbeat.catalog.csv;

import dev.drumbeat.apitoken.ApiTokenGuard;
import dev.drumbeat.feature.Contributions;
import dev.drumbeat.feature.Feature;
import dev.drumbeat.feature.Shared;

/** The catalog as CSV over HTTP: import (all rows or none) and export, behind an API token. */
public final class CatalogCsvFeature implements Feature {
    private final Shared shared;
    private final ApiTokenGuard apiTokens;

    public CatalogCsvFeature(Shared shared, ApiTokenGuard apiTokens) {
        this.shared = shared;
        this.apiTokens = apiTokens;
    }

    @Override
    public void contribute(Contributions contributions) {
        contributions.routes(new CatalogRoutes(
                new CatalogImportService(shared.jdbi(), shared.audit()), new CatalogExport(shared.jdbi()), apiTokens));
    }
}
