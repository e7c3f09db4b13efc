package dev.drumbeat.catalog;

import dev.drumbeat.core.Mentions;
import dev.drumbeat.core.Money;
import dev.drumbeat.core.Units;
import dev.drumbeat.measure.Cadence;
import dev.drumbeat.measure.MeasureResult;
import dev.drumbeat.slack.SlackBlocks;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The card's words for where its numbers came from: who typed a KPI reading, which token pushed it or which query
 * measured it, and the unit cost from the bills divided by the measured demand, or why it can't be worked out.
 * Everything people or Prometheus gave is escaped, and queries are clipped to stay readable and within Slack's limits.
 */
final class CardSources {
    /** A query shown on the card is cut to this many characters. */
    static final int QUERY_SHOWN = 100;

    private static final int DETAIL_SHOWN = 300;
    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
    private final Money money;

    CardSources(Money money) {
        this.money = money;
    }

    /** " · typed by <@U…>", " · pushed by token `monitoring`", " · measured by `…`", or nothing without a reading. */
    static String origin(Optional<ReadingOrigin> origin) {
        return origin.map(o -> " · "
                        + switch (o.kind()) {
                            case TYPED ->
                                o.recordedBy()
                                        .map(by -> "typed by " + person(by))
                                        .orElse("typed in Slack");
                            case MEASURED ->
                                o.query()
                                        .map(q -> "measured by " + code(q))
                                        .orElse("measured by Prometheus, by a query unbound since");
                            case PUSHED -> pushed(o);
                        })
                .orElse("");
    }

    private static String pushed(ReadingOrigin o) {
        String as = "api".equals(o.source()) ? "" : " as " + code(o.source());
        List<String> tokens = o.tokens();
        if (tokens.size() == 1) {
            return "pushed by token " + code(tokens.get(0)) + as;
        }
        if (o.recordedBy().isEmpty()) {
            return "pushed" + as;
        }
        String admin = person(o.recordedBy().get());
        return tokens.isEmpty()
                ? "pushed with an API token of " + admin + as
                : "pushed by one of " + admin + "'s tokens ("
                        + tokens.stream().map(CardSources::code).collect(Collectors.joining(", ")) + ")" + as;
    }

    /**
     * Measured demand and the unit cost from the bills, as card fields: nothing when demand is not bound and there
     * is no whole month of bills to divide.
     */
    List<String> demandFields(Service s, Optional<ServiceActuals.Actual> actual, Optional<MeasuredDemand> demand) {
        Optional<ServiceActuals.Actual> whole = actual.filter(a -> !a.soFar());
        if (demand.isEmpty()) {
            return whole.isEmpty()
                    ? List.of()
                    : List.of("*Actual unit cost*\nneeds measured demand: `/drumbeat kpi bind " + s.key()
                            + " demand &lt;promql&gt;`");
        }
        MeasuredDemand d = demand.get();
        List<String> fields = new ArrayList<>();
        String month = d.month().map(MONTH::format).orElse("");
        Optional<BigDecimal> value = d.result().flatMap(MeasureResult::value);
        if (value.isPresent()) {
            fields.add("*Measured demand (" + month + ")*\n" + quantity(s, value.get()) + " · measured by "
                    + code(query(d)));
        } else if (whole.isEmpty()) {
            fields.add("*Measured demand" + (month.isEmpty() ? "" : " (" + month + ")") + "*\n"
                    + d.result()
                            .map(CardSources::detail)
                            .orElse("not measured yet: " + code(query(d)) + " is measured each month as it ends"));
        }
        if (whole.isEmpty()) {
            fields.add("*Actual unit cost*\n"
                    + actual.map(a -> "needs a whole month of bills: " + MONTH.format(a.month()) + " is not over")
                            .orElse("needs bills: none have been imported for this service yet"));
            return fields;
        }
        fields.add("*Actual unit cost (" + month + ")*\n" + unitCost(s, whole.get(), d, value));
        return fields;
    }

    private String unitCost(Service s, ServiceActuals.Actual actual, MeasuredDemand d, Optional<BigDecimal> measured) {
        String month = MONTH.format(actual.month());
        if (measured.isEmpty()) {
            return "not worked out: demand for " + month + " was not measured"
                    + d.result()
                            .map(r -> ": " + detail(r))
                            .orElse(" (Drumbeat measures each month as it ends, and" + " fills the "
                                    + Cadence.MONTH.backfill() + " months before a binding)");
        }
        BigDecimal demand = measured.get();
        if (demand.signum() <= 0) {
            return "not worked out: " + code(query(d)) + " measured " + demand.toPlainString() + " for " + month
                    + (demand.signum() == 0
                            ? ", and the bills can't be divided by zero"
                            : "; demand can't be below zero, so check the query");
        }
        return each(actual.cost().divide(demand, MathContext.DECIMAL64)) + " per "
                + SlackBlocks.escape(s.unitName()) + " · from the bills for " + month + " ("
                + money.format(actual.cost()) + ") ÷ " + quantity(s, demand) + " measured by " + code(query(d));
    }

    /** To the cent and finer as {@link Money#format} writes it; below a cent, to three significant digits. */
    private String each(BigDecimal unitCost) {
        if (unitCost.abs().compareTo(CENT) >= 0) {
            return money.format(unitCost);
        }
        return money.currency().getSymbol(Locale.US)
                + unitCost.round(new MathContext(3, RoundingMode.HALF_EVEN))
                        .stripTrailingZeros()
                        .toPlainString();
    }

    private static String quantity(Service s, BigDecimal value) {
        return Money.quantity(value) + " " + SlackBlocks.escape(Units.forQuantity(s.unitName(), value));
    }

    private static String query(MeasuredDemand d) {
        return d.result().map(MeasureResult::query).orElse(d.binding().query());
    }

    /** Why a measurement gave no number, as Prometheus's answer and the query put it. */
    private static String detail(MeasureResult result) {
        return SlackBlocks.escape(SlackBlocks.clip(oneLine(result.detail()), DETAIL_SHOWN));
    }

    /** A mention for a Slack user id, or the text escaped when it is not one. */
    private static String person(String userId) {
        return Mentions.userId(userId)
                .filter(userId::equals)
                .map(Mentions::mention)
                .orElse(SlackBlocks.escape(userId));
    }

    /**
     * Inline code on one line, clipped and escaped; a backtick in it, which would end the code early, shows as a
     * look-alike.
     */
    static String code(String text) {
        return "`" + SlackBlocks.escape(SlackBlocks.clip(oneLine(text).replace('`', 'ˋ'), QUERY_SHOWN)) + "`";
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
