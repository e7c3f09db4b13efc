package dev.drumbeat.dashboard;

import dev.drumbeat.catalog.Tier;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What the portfolio table is narrowed to and sorted by, read from query parameters: {@code tier}, {@code status}
 * (green, amber, red or none), {@code owner} (a Slack user id), {@code q} (words in the name or key), {@code bills}
 * ({@code with} or {@code none}: whether the latest whole month's bills gave the service anything), {@code stale},
 * {@code ownerless} and {@code over} (over plan; each on when present and not {@code 0}), {@code sort} and {@code dir}. A value it doesn't know
 * is ignored rather than refused, so an edited URL still shows a page.
 */
record PortfolioFilter(
        Optional<Tier> tier,
        Optional<String> status,
        Optional<String> owner,
        String text,
        boolean staleOnly,
        boolean ownerlessOnly,
        Optional<String> bills,
        boolean overPlanOnly,
        PortfolioColumn sort,
        boolean descending) {
    /** The {@code bills} values: the services the bills gave something, and those they gave nothing. */
    static final String WITH_BILLS = "with";

    static final String NO_BILLS = "none";

    static PortfolioFilter parse(Map<String, List<String>> params) {
        Optional<String> status = first(params, "status")
                .map(s -> s.toLowerCase(Locale.ROOT))
                .filter(PortfolioRow.STATUS_WORDS::contains);
        return new PortfolioFilter(
                first(params, "tier").flatMap(Tier::parse),
                status,
                first(params, "owner"),
                first(params, "q").orElse("").toLowerCase(Locale.ROOT),
                flag(params, "stale"),
                flag(params, "ownerless"),
                first(params, "bills")
                        .map(b -> b.toLowerCase(Locale.ROOT))
                        .filter(b -> b.equals(WITH_BILLS) || b.equals(NO_BILLS)),
                flag(params, "over"),
                first(params, "sort").flatMap(PortfolioColumn::parse).orElse(PortfolioColumn.DEFAULT),
                first(params, "dir").map("desc"::equalsIgnoreCase).orElse(false));
    }

    List<PortfolioRow> apply(List<PortfolioRow> rows) {
        Comparator<PortfolioRow> order = sort.comparator(descending);
        return rows.stream().filter(predicate()).sorted(order).toList();
    }

    /** The same filter sorted by {@code column}: ascending first, descending when it is already ascending. */
    PortfolioFilter sortedBy(PortfolioColumn column) {
        boolean flip = column == sort && !descending;
        return new PortfolioFilter(
                tier, status, owner, text, staleOnly, ownerlessOnly, bills, overPlanOnly, column, flip);
    }

    /** The query string that gives this filter back, without the leading {@code ?}. */
    String query() {
        Map<String, String> params = new LinkedHashMap<>();
        tier.ifPresent(t -> params.put("tier", t.label()));
        status.ifPresent(s -> params.put("status", s));
        owner.ifPresent(o -> params.put("owner", o));
        if (!text.isEmpty()) {
            params.put("q", text);
        }
        if (staleOnly) {
            params.put("stale", "1");
        }
        if (ownerlessOnly) {
            params.put("ownerless", "1");
        }
        bills.ifPresent(b -> params.put("bills", b));
        if (overPlanOnly) {
            params.put("over", "1");
        }
        params.put("sort", sort.param());
        params.put("dir", descending ? "desc" : "asc");
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private Predicate<PortfolioRow> predicate() {
        return row -> tier.map(t -> row.service().tier() == t).orElse(true)
                && status.map(s -> s.equals(row.statusWord())).orElse(true)
                && owner.map(o -> row.service().isOwnedBy(o)).orElse(true)
                && containsWords(row)
                && (!staleOnly || row.stale())
                && (!ownerlessOnly || row.ownerless())
                && bills.map(b -> b.equals(WITH_BILLS) == row.actual().isPresent())
                        .orElse(true)
                && (!overPlanOnly || row.overPlan());
    }

    private boolean containsWords(PortfolioRow row) {
        String haystack = (row.name() + " " + row.key()).toLowerCase(Locale.ROOT);
        for (String word : text.strip().split("\\s+")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> first(Map<String, List<String>> params, String name) {
        return params.getOrDefault(name, List.of()).stream()
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .findFirst();
    }

    private static boolean flag(Map<String, List<String>> params, String name) {
        return first(params, name)
                .filter(v -> !v.equals("0") && !v.equalsIgnoreCase("false"))
                .isPresent();
    }
}
