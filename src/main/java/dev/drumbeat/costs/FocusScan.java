package dev.drumbeat.costs;

import dev.drumbeat.core.UserError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Reads FOCUS cost-and-usage files, as the cloud providers export them (CSV, gzip CSV or Parquet, often in several
 * parts), with an embedded DuckDB that scans them far faster than Java could parse them, and sums them per billing
 * account, invoice month, billing currency and charge category. The SQL here queries the files, never Drumbeat's
 * database. Columns are looked up by name in any order and case, whatever extra {@code x_} columns a provider adds;
 * CSV is read as text and every amount summed as an exact decimal, so ids keep their leading zeros and totals are
 * right to the cent. Anything that is not a readable FOCUS file is a {@link UserError} that names what is wrong.
 * Stateless and thread-safe: each scan has its own in-memory DuckDB.
 */
public final class FocusScan {

    /** The columns a cost-and-usage file must have for Drumbeat to sum it. */
    static final List<String> REQUIRED = List.of(
            "BillingAccountId",
            "BillingCurrency",
            "BillingPeriodStart",
            "BillingPeriodEnd",
            "ChargeCategory",
            "BilledCost",
            "EffectiveCost");

    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]", Locale.ROOT);

    /**
     * One invoice month of one billing account in one currency, summed.
     *
     * @param effectiveByCategory the amortised cost per charge category ({@code Usage}, {@code Purchase}, {@code Tax},
     *                            {@code Credit}, {@code Adjustment}), so credits and tax can be shown apart
     */
    public record Period(
            String billingAccountId,
            Instant billingPeriodStart,
            String currency,
            long rows,
            BigDecimal effectiveCost,
            BigDecimal billedCost,
            Map<String, BigDecimal> effectiveByCategory) {
        public Period {
            effectiveByCategory = Map.copyOf(effectiveByCategory);
        }
    }

    /** A charge no rule took, summed by where it came from, so someone can write the rule for it. */
    public record Line(String subAccountId, String serviceName, String resourceId, BigDecimal effectiveCost) {}

    /**
     * What the rules took of one account's invoice month, by the month each charge belongs to (the invoice's own, or
     * for a correction the month it corrects): the amortised cost each rule took, by its position (0: none took it),
     * and the largest of the charges none took.
     */
    public record Taken(Map<YearMonth, Map<Integer, BigDecimal>> byMonth, List<Line> largestUnallocated) {
        public Taken {
            Map<YearMonth, Map<Integer, BigDecimal>> copy = new TreeMap<>();
            byMonth.forEach((month, sums) -> copy.put(month, Map.copyOf(sums)));
            byMonth = Collections.unmodifiableMap(copy);
            largestUnallocated = List.copyOf(largestUnallocated);
        }

        /** Nothing taken: all of {@code cost} in {@code month} unallocated. */
        static Taken none(YearMonth month, BigDecimal cost) {
            return new Taken(Map.of(month, Map.of(0, cost)), List.of());
        }

        /** What each rule took, by its position, over every month. */
        public Map<Integer, BigDecimal> byRule() {
            Map<Integer, BigDecimal> byRule = new TreeMap<>();
            byMonth.values()
                    .forEach(sums -> sums.forEach((rule, sum) -> {
                        if (rule != 0) {
                            byRule.merge(rule, sum, BigDecimal::add);
                        }
                    }));
            return byRule;
        }

        /** What no rule took in {@code month}. */
        public BigDecimal unallocated(YearMonth month) {
            return byMonth.getOrDefault(month, Map.of()).getOrDefault(0, BigDecimal.ZERO);
        }

        /** What no rule took, over every month. */
        public BigDecimal unallocated() {
            return byMonth.keySet().stream().map(this::unallocated).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** Every figure times {@code rate}, to the millionth. */
        Taken times(BigDecimal rate) {
            Map<YearMonth, Map<Integer, BigDecimal>> converted = new TreeMap<>();
            byMonth.forEach((month, sums) -> {
                Map<Integer, BigDecimal> times = new TreeMap<>();
                sums.forEach((rule, sum) -> times.put(rule, FocusScan.times(sum, rate)));
                converted.put(month, times);
            });
            return new Taken(
                    converted,
                    largestUnallocated.stream()
                            .map(line -> new Line(
                                    line.subAccountId(),
                                    line.serviceName(),
                                    line.resourceId(),
                                    FocusScan.times(line.effectiveCost(), rate)))
                            .toList());
        }

        /** The amortised cost of every charge, taken or not. */
        BigDecimal total() {
            return byMonth.values().stream()
                    .flatMap(sums -> sums.values().stream())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** The files summed per account and month, and what the rules took of each, by account and month start. */
    public record Scan(List<Period> periods, Map<List<Object>, Taken> taken) {}

    /** How many of the largest unallocated charges are kept per account and month. */
    static final int LARGEST_UNALLOCATED = 10;

    private FocusScan() {}

    /** The files' rows summed per billing account, invoice month and currency, in that order. */
    public static List<Period> periods(List<Path> files) {
        return scan(files, List.of()).periods();
    }

    /** As {@link #periods}, and what each of the {@code rules}, first match wins, took of every account's month. */
    public static Scan scan(List<Path> files, List<CostRule> rules) {
        String source = source(files);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duck.createStatement()) {
            Map<String, String> columns = columns(statement, source);
            Set<String> missing = new TreeSet<>();
            for (String required : REQUIRED) {
                if (!columns.containsKey(required.toLowerCase(Locale.ROOT))) {
                    missing.add(required);
                }
            }
            if (!missing.isEmpty()) {
                throw new UserError("That is not a FOCUS cost-and-usage export: it has no " + String.join(", ", missing)
                        + " column" + (missing.size() == 1 ? "" : "s") + ". Export \"cost and usage (FOCUS)\" from the"
                        + " provider and import those files.");
            }
            statement.execute(grouped(source, columns, rules));
            refuseNegativeUsage(statement, source, columns);
            return new Scan(sums(statement), taken(statement));
        } catch (SQLException e) {
            throw unreadable(files, e);
        }
    }

    /**
     * The files read once, into a table of sums per account, month, currency, charge category and the first rule a
     * charge matches (0: none); charges no rule took keep their sub-account, provider service and resource, so the
     * largest can be named. Every other figure is summed from this table, never from the files again.
     */
    private static String grouped(String source, Map<String, String> columns, List<CostRule> rules) {
        List<String> tagKeys = rules.stream()
                .filter(r -> r.kind() == CostRule.Kind.TAG)
                .map(r -> r.key().orElseThrow())
                .distinct()
                .toList();
        boolean tags = !tagKeys.isEmpty() && columns.containsKey("tags");
        boolean byName = rules.stream().anyMatch(r -> r.kind() == CostRule.Kind.SUB_ACCOUNT);
        String charges = "select cast(" + quoted(columns, "BillingAccountId") + " as varchar) as a, cast("
                + quoted(columns, "BillingPeriodStart") + " as varchar) as s, " + correctedMonth(columns)
                + " as m, cast(" + quoted(columns, "BillingCurrency") + " as varchar) as c, cast("
                + quoted(columns, "ChargeCategory") + " as varchar) as k, " + text(columns, "SubAccountId")
                + " as sub, " + (byName ? text(columns, "SubAccountName") : "cast(null as varchar)") + " as subname, "
                + text(columns, "ServiceName") + " as svc, " + text(columns, "ResourceId") + " as res, "
                + (tags ? quoted(columns, "Tags") + " as tags, " : "") + amount(columns, "EffectiveCost")
                + " as ce, " + amount(columns, "BilledCost") + " as cb from " + source;
        // First everything a rule or a refusal reads, summed (far fewer rows than the files: one per resource and
        // month, not per hour); then the tags' values are read and the rules run, once per such sum.
        String summed = "select a, s, m, c, k, sub, subname, svc, res" + (tags ? ", tags" : "")
                + ", count(*) as n, coalesce(sum(ce), 0) as e, coalesce(sum(cb), 0) as b, count(*) filter (where k ="
                + " 'Usage' and m is null and (ce < 0 or cb < 0)) as neg from (" + charges + ") group by all";
        String tagged = "select *"
                + IntStream.range(0, tagKeys.size())
                        .mapToObj(t -> ", " + (tags ? tag(tagKeys.get(t)) : "cast(null as varchar)") + " as tag" + t)
                        .collect(Collectors.joining())
                + " from (" + summed + ")";
        StringBuilder rule = new StringBuilder("case");
        for (CostRule r : rules) {
            rule.append(" when ").append(condition(r, tagKeys)).append(" then ").append(r.position());
        }
        rule.append(" else 0 end");
        String taken = "select a, s, m, c, k, " + (rules.isEmpty() ? "0" : rule) + " as r, sub, svc, res, n, e, b, neg"
                + " from (" + tagged + ")";
        return "create temp table drumbeat_groups as select a, s, m, c, k, r, case when r = 0 then sub end as sub,"
                + " case when r = 0 then svc end as svc, case when r = 0 then res end as res, sum(n) as n,"
                + " sum(e) as e, sum(b) as b, sum(neg) as neg from (" + taken + ") group by all";
    }

    /** A tag's value from the summed charges' Tags (a JSON object in CSV, a map or JSON in Parquet); null if absent. */
    private static String tag(String key) {
        return "json_extract_string(cast(tags as json), " + literal("$.\"" + key.replace("\"", "\\\"") + "\"") + ")";
    }

    /**
     * The month a correction corrects, as {@code yyyy-MM} from its ChargePeriodStart; null for every other charge,
     * which belongs to its invoice month. Every provider writes that time starting with the date, whatever follows.
     */
    private static String correctedMonth(Map<String, String> columns) {
        if (!columns.containsKey("chargeclass") || !columns.containsKey("chargeperiodstart")) {
            return "cast(null as varchar)";
        }
        return "case when lower(trim(" + text(columns, "ChargeClass") + ")) = 'correction' then nullif(left(trim("
                + text(columns, "ChargePeriodStart") + "), 7), '') end";
    }

    /**
     * A usage charge with a negative cost that is not a correction: usage costs money, and money back is a Credit
     * or a correction, so such a file is refused rather than netted silently. Names the first such charge.
     */
    private static void refuseNegativeUsage(Statement statement, String source, Map<String, String> columns)
            throws SQLException {
        long count;
        try (ResultSet rows = statement.executeQuery("select coalesce(sum(neg), 0) from drumbeat_groups")) {
            rows.next();
            count = rows.getLong(1);
        }
        if (count == 0) {
            return;
        }
        String correction = columns.containsKey("chargeclass")
                ? " and coalesce(lower(trim(" + text(columns, "ChargeClass") + ")), '') <> 'correction'"
                : "";
        String example = "";
        try (ResultSet rows = statement.executeQuery("select " + text(columns, "ResourceId") + ", "
                + text(columns, "SubAccountId") + ", " + amount(columns, "EffectiveCost") + " from " + source
                + " where " + text(columns, "ChargeCategory") + " = 'Usage' and (" + amount(columns, "EffectiveCost")
                + " < 0 or " + amount(columns, "BilledCost") + " < 0)" + correction + " limit 1")) {
            if (rows.next()) {
                String where = clean(rows.getString(1) != null ? rows.getString(1) : rows.getString(2));
                example = " The first is " + (where == null ? "a charge" : where) + " at "
                        + decimal(rows.getBigDecimal(3)).toPlainString() + ".";
            }
        }
        throw new UserError(count + " Usage charge" + (count == 1 ? " has" : "s have")
                + " a negative cost but " + (count == 1 ? "is" : "are") + " not marked as a Credit or a Correction;"
                + " Drumbeat does not net those silently, so nothing was imported." + example
                + " Export the bills again, or ask the provider why.");
    }

    private static List<Period> sums(Statement statement) throws SQLException {
        String sql = "select a, s, c, k, sum(n), sum(e), sum(b) from drumbeat_groups group by all order by 1, 2, 3, 4";
        Map<List<Object>, Period> periods = new LinkedHashMap<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                String billingAccount = required(rows.getString(1), "BillingAccountId");
                Instant periodStart = instant(rows.getString(2));
                String code = required(rows.getString(3), "BillingCurrency");
                String charge = rows.getString(4) == null ? "Unknown" : clean(rows.getString(4));
                BigDecimal effective = decimal(rows.getBigDecimal(6));
                BigDecimal billed = decimal(rows.getBigDecimal(7));
                periods.merge(
                        List.of(billingAccount, periodStart, code),
                        new Period(
                                billingAccount,
                                periodStart,
                                code,
                                rows.getLong(5),
                                effective,
                                billed,
                                Map.of(charge, effective)),
                        FocusScan::add);
            }
        }
        return new ArrayList<>(periods.values());
    }

    /** Each account's month split by the first rule each charge matches (0: none), and the largest charges none took. */
    private static Map<List<Object>, Taken> taken(Statement statement) throws SQLException {
        Map<List<Object>, Map<YearMonth, Map<Integer, BigDecimal>>> byMonth = new LinkedHashMap<>();
        try (ResultSet rows = statement.executeQuery("select a, s, m, r, sum(e) from drumbeat_groups group by all")) {
            while (rows.next()) {
                Instant start = instant(rows.getString(2));
                YearMonth month = rows.getString(3) == null
                        ? YearMonth.from(start.atZone(ZoneOffset.UTC))
                        : correctedMonth(rows.getString(3));
                byMonth.computeIfAbsent(
                                List.of(required(rows.getString(1), "BillingAccountId"), start), k -> new TreeMap<>())
                        .computeIfAbsent(month, k -> new TreeMap<>())
                        .merge(rows.getInt(4), decimal(rows.getBigDecimal(5)), BigDecimal::add);
            }
        }
        Map<List<Object>, List<Line>> largest = new LinkedHashMap<>();
        String sql =
                "select a, s, sub, svc, res, sum(e) as cost from drumbeat_groups where r = 0 group by 1, 2, 3, 4, 5"
                        + " qualify row_number() over (partition by a, s order by cost desc, sub, svc, res) <= "
                        + LARGEST_UNALLOCATED + " order by a, s, cost desc, sub, svc, res";
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                largest.computeIfAbsent(
                                List.of(required(rows.getString(1), "BillingAccountId"), instant(rows.getString(2))),
                                k -> new ArrayList<>())
                        .add(new Line(
                                clean(rows.getString(3)),
                                clean(rows.getString(4)),
                                clean(rows.getString(5)),
                                decimal(rows.getBigDecimal(6))));
            }
        }
        Map<List<Object>, Taken> taken = new LinkedHashMap<>();
        byMonth.forEach((key, months) -> taken.put(key, new Taken(months, largest.getOrDefault(key, List.of()))));
        return taken;
    }

    private static YearMonth correctedMonth(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new UserError(
                    "Drumbeat can't read \"" + clip(clean(text)) + "\" as the start of the period a correction"
                            + " corrects; FOCUS writes ChargePeriodStart as an ISO 8601 time such as 2025-03-01T00:00:00Z.");
        }
    }

    /** {@code amount} × {@code rate}, to the millionth, as Drumbeat stores money. */
    static BigDecimal times(BigDecimal amount, BigDecimal rate) {
        return amount.multiply(rate).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    /** The SQL condition of one rule over the summed charges; a column the files lack is null and never matches. */
    private static String condition(CostRule rule, List<String> tagKeys) {
        String value = literal(rule.value());
        return switch (rule.kind()) {
            case TAG -> "tag" + tagKeys.indexOf(rule.key().orElseThrow()) + " = " + value;
            case SUB_ACCOUNT -> "(sub = " + value + " or subname = " + value + ")";
            case RESOURCE_PREFIX -> "starts_with(lower(res), lower(" + value + "))";
            case PROVIDER_SERVICE -> "svc = " + value;
        };
    }

    /** A column as text, or NULL when the files lack it. */
    private static String text(Map<String, String> columns, String column) {
        return columns.containsKey(column.toLowerCase(Locale.ROOT))
                ? "cast(" + quoted(columns, column) + " as varchar)"
                : "cast(null as varchar)";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static Period add(Period a, Period b) {
        Map<String, BigDecimal> byCategory = new LinkedHashMap<>(a.effectiveByCategory());
        b.effectiveByCategory().forEach((category, cost) -> byCategory.merge(category, cost, BigDecimal::add));
        return new Period(
                a.billingAccountId(),
                a.billingPeriodStart(),
                a.currency(),
                a.rows() + b.rows(),
                a.effectiveCost().add(b.effectiveCost()),
                a.billedCost().add(b.billedCost()),
                byCategory);
    }

    /**
     * An amount column as an exact decimal: text (CSV) trimmed, an empty cell nothing; a number (Parquet's doubles)
     * cast straight, as a trip through text costs more than the rest of the scan. DuckDB settles {@code typeof} when
     * it plans the query, so each row takes one branch only.
     */
    private static String amount(Map<String, String> columns, String column) {
        String quoted = quoted(columns, column);
        return "case when typeof(" + quoted + ") = 'VARCHAR' then cast(nullif(trim(cast(" + quoted
                + " as varchar)), '') as decimal(38, 10)) else cast(" + quoted + " as decimal(38, 10)) end";
    }

    private static BigDecimal decimal(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    /** The files as one DuckDB table expression; all of one kind, so their columns line up by name. */
    private static String source(List<Path> files) {
        if (files.isEmpty()) {
            throw new UserError("Name at least one file to import.");
        }
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new UserError("There is no file " + file + ".");
            }
        }
        Set<String> kinds = files.stream().map(FocusScan::kind).collect(Collectors.toSet());
        if (kinds.contains("unknown")) {
            throw new UserError("Drumbeat reads FOCUS exports as .csv, .csv.gz or .parquet files; name files that end"
                    + " in one of those.");
        }
        if (kinds.size() > 1) {
            throw new UserError("Those files mix CSV and Parquet; import the parts of one export together, all in the"
                    + " format it was written in.");
        }
        String list = files.stream()
                .map(file -> "'" + file.toAbsolutePath().toString().replace("'", "''") + "'")
                .collect(Collectors.joining(", ", "[", "]"));
        return kinds.contains("parquet")
                ? "read_parquet(" + list + ", union_by_name = true)"
                : "read_csv(" + list + ", header = true, all_varchar = true, union_by_name = true)";
    }

    private static String kind(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet")) {
            return "parquet";
        }
        return name.endsWith(".csv") || name.endsWith(".csv.gz") ? "csv" : "unknown";
    }

    /** The files' columns, by lower-case name, as they are spelled in the files. */
    private static Map<String, String> columns(Statement statement, String source) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (ResultSet described = statement.executeQuery("describe select * from " + source)) {
            while (described.next()) {
                String name = described.getString(1);
                columns.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            }
        }
        return columns;
    }

    private static String quoted(Map<String, String> columns, String column) {
        return "\"" + columns.get(column.toLowerCase(Locale.ROOT)).replace("\"", "\"\"") + "\"";
    }

    /**
     * An invoice month's start as the providers write it: ISO 8601 with a zone ({@code 2025-03-01T00:00:00Z}, or
     * without seconds as Azure's early exports), a BigQuery CSV's {@code 2025-01-01 08:00:00 UTC}, or a Parquet
     * timestamp in UTC.
     */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            throw new UserError("A row has no BillingPeriodStart; every FOCUS row names its invoice month.");
        }
        String trimmed = text.strip();
        try {
            return OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException notIso) {
            String bare = trimmed.replaceFirst("(?i)\\s*(?:UTC|Z|\\+00(?::?00)?)$", "")
                    .replace('T', ' ');
            try {
                return LocalDateTime.parse(bare.length() > 19 ? bare.substring(0, 19) : bare, SPACED)
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException unreadable) {
                throw new UserError(
                        "Drumbeat can't read \"" + clip(clean(trimmed)) + "\" as a BillingPeriodStart; FOCUS writes it"
                                + " as an ISO 8601 time such as 2025-03-01T00:00:00Z.");
            }
        }
    }

    /** A file DuckDB could not read: cut short, not what its name says, or with a cell that is not a number. */
    private static UserError unreadable(List<Path> files, SQLException e) {
        String reason = e.getMessage() == null
                ? ""
                : clean(e.getMessage().lines().findFirst().orElse(""));
        String named = files.stream()
                .map(Path::getFileName)
                .map(Path::toString)
                .filter(reason::contains)
                .findFirst()
                .orElse(files.size() == 1 ? files.get(0).getFileName().toString() : "one of those files");
        boolean number = reason.contains("Conversion Error") || reason.contains("Could not convert");
        if (reason.startsWith("Out of Memory Error") || reason.startsWith("INTERNAL Error")) {
            return new UserError("Drumbeat ran out of room reading those files, which is not the files' fault; nothing"
                    + " was imported. Import the parts in smaller groups, or give Drumbeat more memory. ("
                    + clip(reason) + ")");
        }
        return new UserError(
                number
                        ? "A cost in " + named + " is not a number, so nothing was imported. (" + clip(reason) + ")"
                        : "Drumbeat could not read " + named + ": it may be cut short, or not the CSV, gzip or"
                                + " Parquet its name says. Nothing was imported. (" + clip(reason) + ")");
    }

    /**
     * A column every FOCUS row fills, as Drumbeat keeps it; an empty cell refuses the files rather than guessing
     * whose bill or which currency it is.
     */
    private static String required(String value, String column) {
        if (value == null || value.isBlank()) {
            throw new UserError("A row has no " + column + "; every FOCUS row names it, so nothing was imported."
                    + " Export the bills again, or ask the provider why.");
        }
        return clean(value);
    }

    /** How much of a text from a bill Drumbeat keeps: ids and names are far shorter; a longer one is cut. */
    static final int TEXT_KEPT = 1_000;

    /**
     * A text from a bill as Drumbeat keeps it: without NUL characters, which PostgreSQL cannot store, and at most
     * {@link #TEXT_KEPT} characters; null stays null.
     */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String kept = text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", "");
        return kept.length() > TEXT_KEPT ? kept.substring(0, TEXT_KEPT) + "…" : kept;
    }

    private static String clip(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
