package dev.drumbeat.escalation.rules;

import dev.drumbeat.core.Money;
import dev.drumbeat.costs.CostMonths;
import dev.drumbeat.escalation.settings.Thresholds;
import dev.drumbeat.slack.SlackBlocks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The details of cost findings, worded for a Slack message: the months and amounts compared, the threshold that was
 * passed, and the imports the figures came from. What came from the files (file names, sub-accounts, provider
 * services, resource ids) is escaped. Only dates, never "2 days ago", so the same bills always give the same words.
 * Thread-safe.
 */
final class CostFindingsText {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_MONTH = DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final int MAX_IMPORTS = 3;
    private static final int MAX_FILES = 120;
    private static final int MAX_PART = 100;
    /** A detail stays well inside a section's 3,000 characters, with the headline above it. */
    private static final int MAX_DETAIL = 2000;

    private final Money money;

    CostFindingsText(Money money) {
        this.money = money;
    }

    String drift(CostDrift.Drift drift, Thresholds thresholds, List<CostMonths.Source> sources) {
        String against =
                " on its average of " + money.format(drift.average()) + " a month in " + span(drift.from(), drift.to());
        String said = switch (drift.kind()) {
            case SPIKE ->
                money.format(drift.cost()) + " in " + month(drift.month()) + ", " + up(drift.change()) + against
                        + " (`drift-spike` is " + thresholds.driftSpikePercent() + "%).";
            case TREND ->
                capitalised(up(drift.change())) + " in " + month(drift.month()) + against
                        + ", rising three months running: "
                        + drift.rise().stream()
                                .map(m -> month(m.month()) + " " + money.format(m.cost()))
                                .collect(Collectors.joining(" · "))
                        + " (`drift-trend` is " + thresholds.driftTrendPercent() + "%).";
        };
        return SlackBlocks.clip(said + "\n" + provenance(drift.month(), sources), MAX_DETAIL);
    }

    String unallocated(CostFacts costs, Thresholds thresholds) {
        CostMonths.Month bill = costs.bill();
        StringBuilder text = new StringBuilder()
                .append(money.format(bill.unallocated()))
                .append(" of the ")
                .append(money.format(bill.total()))
                .append(" bill for ")
                .append(month(costs.month()))
                .append(" (")
                .append(percent(bill.unallocated(), bill.total()))
                .append(") went to no service; more than the ")
                .append(thresholds.unallocatedPercent())
                .append("% allowed (`unallocated`).");
        if (!costs.largestUnallocated().isEmpty()) {
            // the lines are kept per invoice, which a correction of an earlier month can differ from
            text.append(" The largest charges no rule took in ")
                    .append(month(costs.month()))
                    .append("'s invoices:");
            costs.largestUnallocated().forEach(line -> text.append("\n• ").append(line(line)));
        }
        text.append(
                        "\nA rule for them (`/drumbeat costs rules`) allocates them, the months already imported included.\n")
                .append(provenance(costs.month(), costs.sources()));
        return SlackBlocks.clip(text.toString(), MAX_DETAIL);
    }

    private String line(CostMonths.UnallocatedLine line) {
        List<String> parts = new ArrayList<>();
        parts.add(money.cents(line.cost()));
        line.subAccountId()
                .ifPresentOrElse(
                        id -> parts.add("sub-account " + escaped(id)),
                        () -> parts.add("account " + escaped(line.billingAccountId())));
        line.serviceName().ifPresent(name -> parts.add(escaped(name)));
        line.resourceId().ifPresent(id -> parts.add(escaped(id)));
        return String.join(" · ", parts);
    }

    /** "Jun 2025's figures come from the bills imported on 2 Jul 2025 (a.csv, b.csv)." */
    static String provenance(YearMonth month, List<CostMonths.Source> sources) {
        Map<Long, CostMonths.Source> imports = new LinkedHashMap<>();
        sources.forEach(source -> imports.putIfAbsent(source.importId(), source));
        if (imports.isEmpty()) {
            return "";
        }
        List<String> said = imports.values().stream()
                .limit(MAX_IMPORTS)
                .map(s -> DAY.format(s.importedAt()) + " ("
                        + SlackBlocks.escape(SlackBlocks.clip(s.files().strip(), MAX_FILES)) + ")")
                .collect(Collectors.toCollection(ArrayList::new));
        if (imports.size() > MAX_IMPORTS) {
            said.add((imports.size() - MAX_IMPORTS) + " more");
        }
        String joined = said.size() == 1
                ? said.get(0)
                : String.join(", ", said.subList(0, said.size() - 1)) + " and " + said.get(said.size() - 1);
        return month(month) + "'s figures come from the bills imported on " + joined + ".";
    }

    static String month(YearMonth month) {
        return MONTH.format(month);
    }

    /** "Mar 2025", "Jan–Mar 2025" or "Nov 2024–Jan 2025". */
    static String span(YearMonth from, YearMonth to) {
        if (from.equals(to)) {
            return month(to);
        }
        return (from.getYear() == to.getYear() ? SHORT_MONTH.format(from) : month(from)) + "–" + month(to);
    }

    /** "up 10.5%" for a change of 0.105. */
    static String up(BigDecimal change) {
        return "up "
                + change.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    static String percent(BigDecimal part, BigDecimal whole) {
        return part.movePointRight(2).divide(whole, 1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static String escaped(String text) {
        return SlackBlocks.escape(SlackBlocks.clip(text.strip(), MAX_PART));
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
