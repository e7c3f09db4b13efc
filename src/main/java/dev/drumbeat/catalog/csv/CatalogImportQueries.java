package dev.drumbeat.catalog.csv;

import static dev.drumbeat.catalog.csv.CatalogCsvColumns.DEMAND_QUERY;
import static dev.drumbeat.catalog.csv.CatalogCsvColumns.KEY;
import static dev.drumbeat.catalog.csv.CatalogCsvColumns.KPI_QUERY;
import static dev.drumbeat.catalog.csv.CatalogCsvColumns.UNBIND;

import dev.drumbeat.catalog.MeasureChanges;
import dev.drumbeat.catalog.MeasuredBy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code kpi_query} and {@code demand_query} cells, checked by the service modal's rules ({@link MeasuredBy})
 * against each service's KPIs, collecting every problem. A blank cell (or a column the file leaves out) leaves the
 * service's bindings alone; {@code -} unbinds; otherwise {@code kpi_query} says every KPI binding the service has
 * (a KPI it leaves out is unbound) and {@code demand_query} the demand's. Pure; use one per import.
 */
final class CatalogImportQueries {
    private final Map<String, Set<String>> kpiKeys;
    private final List<CatalogCsvProblem> problems = new ArrayList<>();

    /** {@code kpiKeys}: each service's KPI keys by the service's key. */
    CatalogImportQueries(Map<String, Set<String>> kpiKeys) {
        this.kpiKeys = Map.copyOf(kpiKeys);
    }

    /** What a row asks of a service's bindings: the KPIs' when {@code kpis} is given, the demand's when it is. */
    record Wanted(String serviceKey, Optional<List<MeasuredBy.Line>> kpis, Optional<Optional<MeasuredBy.Line>> demand) {

        boolean asksAnything() {
            return kpis.isPresent() || demand.isPresent();
        }

        MeasureChanges changes(List<MeasuredBy.Line> current) {
            List<MeasuredBy.Line> wanted = new ArrayList<>();
            kpis.ifPresent(wanted::addAll);
            demand.flatMap(d -> d).ifPresent(wanted::add);
            return MeasureChanges.between(
                    serviceKey,
                    current,
                    wanted,
                    line -> line.kpiKey().isPresent() ? kpis.isPresent() : demand.isPresent());
        }
    }

    /** What each row asks, for the rows that ask anything; check {@link #problems()} first. */
    List<Wanted> check(List<CatalogCsvRow> rows) {
        List<Wanted> wanted = new ArrayList<>();
        for (CatalogCsvRow row : rows) {
            String key = row.get(KEY).strip();
            Wanted asked = new Wanted(key, kpis(row, kpiKeys.getOrDefault(key, Set.of())), demand(row));
            if (asked.asksAnything()) {
                wanted.add(asked);
            }
        }
        return problems.isEmpty() ? wanted : List.of();
    }

    List<CatalogCsvProblem> problems() {
        return List.copyOf(problems);
    }

    private Optional<List<MeasuredBy.Line>> kpis(CatalogCsvRow row, Set<String> keys) {
        String cell = row.get(KPI_QUERY);
        if (cell.isBlank()) {
            return Optional.empty();
        }
        if (cell.strip().equals(UNBIND)) {
            return Optional.of(List.of());
        }
        try {
            return Optional.of(MeasuredBy.parse(cell, keys, false));
        } catch (IllegalArgumentException e) {
            problems.add(new CatalogCsvProblem(
                    row.line(), KPI_QUERY, e.getMessage().replaceFirst("^line (\\d+)", "line $1 of the cell")));
            return Optional.empty();
        }
    }

    private Optional<Optional<MeasuredBy.Line>> demand(CatalogCsvRow row) {
        String cell = row.get(DEMAND_QUERY);
        if (cell.isBlank()) {
            return Optional.empty();
        }
        if (cell.strip().equals(UNBIND)) {
            return Optional.of(Optional.empty());
        }
        try {
            return Optional.of(Optional.of(new MeasuredBy.Line(Optional.empty(), MeasuredBy.query(cell))));
        } catch (IllegalArgumentException e) {
            problems.add(new CatalogCsvProblem(row.line(), DEMAND_QUERY, e.getMessage()));
            return Optional.empty();
        }
    }
}
