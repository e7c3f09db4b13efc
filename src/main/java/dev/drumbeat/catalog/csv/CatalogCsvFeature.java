package dev.drumbeat.catalog.csv;

import dev.drumbeat.apitoken.ApiTokenGuard;
import dev.drumbeat.feature.Contributions;
import dev.drumbeat.feature.Feature;
import dev.drumbeat.feature.Shared;
import dev.drumbeat.measure.Measures;
import java.util.Optional;

/** The catalog as CSV over HTTP: import (all rows or none) and export, behind an API token. */
public final class CatalogCsvFeature implements Feature {
    private final Shared shared;
    private final ApiTokenGuard apiTokens;
    private final Measures measures;

    /** {@code measures} binds what the query columns say, and tells export how services are measured. */
    public CatalogCsvFeature(Shared shared, ApiTokenGuard apiTokens, Measures measures) {
        this.shared = shared;
        this.apiTokens = apiTokens;
        this.measures = measures;
    }

    @Override
    public void contribute(Contributions contributions) {
        contributions.routes(new CatalogRoutes(
                new CatalogImportService(shared.jdbi(), shared.audit(), Optional.of(measures)),
                new CatalogExport(shared.jdbi(), Optional.of(measures)),
                apiTokens));
    }
}
