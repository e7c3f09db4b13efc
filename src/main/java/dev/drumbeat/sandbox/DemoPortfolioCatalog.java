package dev.drumbeat.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the demo catalog from the classpath: {@code demo/services.csv}, {@code demo/kpis.csv} and
 * {@code demo/hurdles.csv}, kept as CSV so the portfolio reads like the spreadsheet it replaces.
 */
final class DemoPortfolioCatalog {

    /** A service row; {@code lastCheckInWeeksAgo} is 1 for weekly check-ins, more when stale, empty when never. */
    record ServiceRow(
            String key,
            String name,
            String tier,
            boolean isProtected,
            Optional<String> ownerHandle,
            Optional<String> deputyHandle,
            Optional<String> teamChannel,
            String unitName,
            BigDecimal unitCost,
            BigDecimal monthlyDemand,
            BigDecimal monthlyValue,
            OptionalInt lastCheckInWeeksAgo,
            String description) {

        /** Who answers the weekly check-in: the owner, else the deputy. */
        Optional<String> submitterHandle() {
            return ownerHandle.or(() -> deputyHandle);
        }
    }

    /**
     * A KPI and the shape of its twelve weeks of readings: from {@code first} to {@code last}, give or take jitter,
     * reaching {@code last} {@code flatWeeks} weeks early and holding there.
     */
    record KpiRow(
            String serviceKey,
            String key,
            String name,
            String unit,
            String direction,
            BigDecimal target,
            BigDecimal first,
            BigDecimal last,
            BigDecimal jitter,
            int flatWeeks) {}

    /** A service whose check-ins are not plain green: {@code amber}, {@code red} or {@code recovered}. */
    record HurdleRow(String serviceKey, String pattern, String hurdle) {}

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .get();

    private DemoPortfolioCatalog() {}

    static List<ServiceRow> services() {
        return read("demo/services.csv").stream()
                .map(row -> new ServiceRow(
                        row.get("key"),
                        row.get("name"),
                        row.get("tier"),
                        row.get("protected").equals("yes"),
                        optional(row.get("owner")),
                        optional(row.get("deputy")),
                        optional(row.get("channel")),
                        row.get("unit"),
                        new BigDecimal(row.get("unit_cost")),
                        new BigDecimal(row.get("monthly_demand")),
                        new BigDecimal(row.get("monthly_value")),
                        weeksAgo(row.get("checkins")),
                        row.get("description")))
                .toList();
    }

    static List<KpiRow> kpis() {
        return read("demo/kpis.csv").stream()
                .map(row -> new KpiRow(
                        row.get("service"),
                        row.get("key"),
                        row.get("name"),
                        row.get("unit"),
                        row.get("direction"),
                        new BigDecimal(row.get("target")),
                        new BigDecimal(row.get("first")),
                        new BigDecimal(row.get("last")),
                        new BigDecimal(row.get("jitter")),
                        Integer.parseInt(row.get("flat"))))
                .toList();
    }

    static Map<String, HurdleRow> hurdles() {
        return read("demo/hurdles.csv").stream()
                .map(row -> new HurdleRow(row.get("service"), row.get("pattern"), row.get("hurdle")))
                .collect(Collectors.toUnmodifiableMap(HurdleRow::serviceKey, Function.identity()));
    }

    /** "weekly" is 1 week ago, "stale-5w" is 5, "never" is empty. */
    static OptionalInt weeksAgo(String checkIns) {
        if (checkIns.equals("never")) {
            return OptionalInt.empty();
        }
        if (checkIns.equals("weekly")) {
            return OptionalInt.of(1);
        }
        if (checkIns.matches("stale-\\d+w")) {
            return OptionalInt.of(Integer.parseInt(checkIns.substring("stale-".length(), checkIns.length() - 1)));
        }
        throw new IllegalStateException(
                "demo/services.csv: checkins must be weekly, stale-Nw or never, not " + checkIns);
    }

    private static Optional<String> optional(String text) {
        return text.isBlank() ? Optional.empty() : Optional.of(text.trim());
    }

    static List<CSVRecord> read(String resource) {
        InputStream stream = DemoPortfolioCatalog.class.getClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("the demo data " + resource + " is missing from the classpath");
        }
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            return FORMAT.parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
