package dev.drumbeat.catalog.csv;

import java.util.List;
import java.util.Set;

/**
 * The catalog CSV's columns, in one place so import and export always agree. Export adds columns for
 * the humans reading it in a spreadsheet (names, cost, margin), which import accepts and ignores.
 */
final class CatalogCsvColumns {
    static final String KEY = "key";
    static final String NAME = "name";
    static final String TIER = "tier";
    static final String PROTECTED = "protected";
    static final String OWNER = "owner";
    static final String OWNER_NAME = "owner_name";
    static final String DEPUTY = "deputy";
    static final String DEPUTY_NAME = "deputy_name";
    static final String UNIT_COST = "unit_cost";
    static final String UNIT_NAME = "unit_name";
    static final String DEMAND = "monthly_demand";
    static final String VALUE = "monthly_value";
    static final String MONTHLY_COST = "monthly_cost";
    static final String MARGIN = "margin";
    static final String CHANNEL = "team_channel";
    static final String DESCRIPTION = "description";
    /** `<kpi-key> = <promql>` lines, one a KPI; blank leaves the bindings alone, `-` unbinds them all. */
    static final String KPI_QUERY = "kpi_query";
    /** The PromQL of the monthly demand; blank leaves it alone, `-` unbinds it. */
    static final String DEMAND_QUERY = "demand_query";
    /** What a query cell holds to unbind. */
    static final String UNBIND = "-";

    /** What import reads, in the documented order. */
    static final List<String> IMPORTED = List.of(
            KEY,
            NAME,
            TIER,
            PROTECTED,
            OWNER,
            DEPUTY,
            UNIT_COST,
            UNIT_NAME,
            DEMAND,
            VALUE,
            CHANNEL,
            DESCRIPTION,
            KPI_QUERY,
            DEMAND_QUERY);

    static final Set<String> REQUIRED = Set.of(KEY, NAME, TIER, UNIT_COST, DEMAND, VALUE);
    static final Set<String> FOR_HUMANS = Set.of(OWNER_NAME, DEPUTY_NAME, MONTHLY_COST, MARGIN);
    /** What export writes: the imported columns with the human ones beside what they explain. */
    static final List<String> EXPORTED = List.of(
            KEY,
            NAME,
            TIER,
            PROTECTED,
            OWNER,
            OWNER_NAME,
            DEPUTY,
            DEPUTY_NAME,
            UNIT_COST,
            UNIT_NAME,
            DEMAND,
            VALUE,
            MONTHLY_COST,
            MARGIN,
            CHANNEL,
            DESCRIPTION,
            KPI_QUERY,
            DEMAND_QUERY);

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CatalogCsvColumns() {}

    /**
     * Prefixes text a spreadsheet would run as a formula with {@code '}, the usual defence against CSV
     * injection; text that already looks guarded is guarded again, so {@link #unguard} always restores it.
     */
    static String guard(String text) {
        boolean formula = !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
        return formula || !unguard(text).equals(text) ? "'" + text : text;
    }

    /** Undoes {@link #guard}, so what export wrote imports unchanged. */
    static String unguard(String text) {
        boolean guarded = text.length() > 1
                && text.charAt(0) == '\''
                && (FORMULA_STARTS.indexOf(text.charAt(1)) >= 0 || text.charAt(1) == '\'');
        return guarded ? text.substring(1) : text;
    }
}
