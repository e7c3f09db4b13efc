package dev.drumbeat.measure;

import com.slack.api.model.block.LayoutBlock;
import dev.drumbeat.core.Money;
import dev.drumbeat.core.Units;
import dev.drumbeat.prometheus.Measurement;
import dev.drumbeat.prometheus.Measurement.Reason;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.SlackBlocks;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What `/drumbeat kpi bind` and `kpi unbind` answer, in plain sentences; everything people or Prometheus wrote escaped. */
final class MeasureViews {
    static final String NOT_CONFIGURED = "Prometheus is not configured: an admin sets DRUMBEAT_PROMETHEUS_URL (see the"
            + " README), and until then bound KPIs give no number.";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    /** How much of a query or a detail a reply shows. */
    static final int SHOWN = 300;

    private MeasureViews() {}

    static Reply bound(Measures.Bound bound, String unit, LocalDate current, boolean configured) {
        MeasureBinding binding = bound.binding();
        String label = "*" + SlackBlocks.escape(binding.label()) + "*";
        List<String> lines = new ArrayList<>();
        lines.add(label + " is measured by " + query(binding.query()) + ".");
        bound.replaced().ifPresent(old -> lines.add("It replaces " + query(old) + "."));
        if (!configured) {
            lines.add(NOT_CONFIGURED);
            return reply(lines);
        }
        String period = period(binding.cadence(), current);
        if (bound.now() instanceof Measurement.Value value) {
            lines.add("Now: *" + SlackBlocks.escape(amount(binding, value.value(), unit)) + "* for " + period
                    + " so far.");
        } else {
            lines.add("It gives no number for " + period + " so far: " + missing((Measurement.Missing) bound.now()));
        }
        readAs(binding, unit).ifPresent(lines::add);
        lines.add(backfill(bound));
        return reply(lines);
    }

    /**
     * The unit Drumbeat takes the number to be in, said once: a query giving a ratio for a % KPI, or single
     * transactions for a service priced per thousand, would be stored wrong with nothing else to show it.
     */
    private static Optional<String> readAs(MeasureBinding binding, String unit) {
        if (unit == null || unit.isBlank()) {
            return Optional.empty();
        }
        String shown = SlackBlocks.escape(unit.strip());
        return Optional.of(
                binding.isDemand()
                        ? "The number is read as " + SlackBlocks.escape(Units.forQuantity(unit.strip(), BigDecimal.TEN))
                                + " a month, the service's unit: make the query count in it."
                        : "The number is read in " + shown + ", the KPI's unit: make the query give it"
                                + (unit.strip().equals("%") ? " in per cent (× 100 for a ratio)." : " in that unit."));
    }

    static Reply unbound(MeasureBinding binding) {
        return Reply.text("*" + SlackBlocks.escape(binding.label()) + "* is no longer measured (it was "
                + query(binding.query()) + "). The values it measured stay.");
    }

    /** A value with its unit: {@code 99.95%}, {@code 310 ms}, {@code 1,204,000 transactions}. Not escaped. */
    static String amount(MeasureBinding binding, BigDecimal value, String unit) {
        if (binding.isDemand()) {
            return Money.quantity(value) + " " + Units.forQuantity(unit, value);
        }
        return Money.measure(value, unit);
    }

    /** "the week of 17 Mar" or "March 2025". */
    static String period(Cadence cadence, LocalDate period) {
        return cadence == Cadence.WEEK ? "the week of " + DAY.format(period) : MONTH.format(period);
    }

    /** A query shown as code, clipped; one holding a backtick is shown as text, which code can't hold. */
    static String query(String promql) {
        String shown = SlackBlocks.escape(SlackBlocks.clip(promql, SHOWN));
        return promql.contains("`") ? "“" + shown + "”" : "`" + shown + "`";
    }

    /** The reason as a plain sentence, then Prometheus's detail, escaped and clipped. */
    static String missing(Measurement.Missing missing) {
        return missing(missing.reason(), missing.detail());
    }

    static String missing(Reason reason, String detail) {
        String sentence = sentence(reason);
        String shown = SlackBlocks.escape(SlackBlocks.clip(detail.strip(), SHOWN));
        if (detail.isBlank()) {
            return sentence;
        }
        // Prometheus's own words may already say it ("Prometheus refused the query: …", "`q` matched no series …")
        boolean saysIt = detail.startsWith(sentence.substring(0, sentence.length() - 1))
                || (reason == Reason.EMPTY && detail.contains("matched no series"))
                || (reason == Reason.UNREACHABLE && detail.contains("could not be reached"));
        return saysIt ? shown : sentence + " " + shown;
    }

    static String sentence(Reason reason) {
        return switch (reason) {
            case UNREACHABLE -> "Prometheus could not be reached.";
            case TIMED_OUT -> "Prometheus did not answer in time.";
            case QUERY_ERROR -> "Prometheus refused the query.";
            case EMPTY -> "The query matched no series.";
            case STALE -> "The series stopped before the period ended.";
            case SEVERAL_SERIES -> "The query gives several series, not one number.";
            case NOT_A_NUMBER -> "The query gives NaN or an infinity, not a number.";
            case OUT_OF_RANGE -> "The number is too large for a reading.";
            case NOT_CONFIGURED -> "Prometheus is not configured.";
        };
    }

    private static String backfill(Measures.Bound bound) {
        if (bound.backfill().isEmpty()) {
            return "The query is unchanged, so the past "
                    + unitsOf(bound.binding().cadence()) + " stay as measured.";
        }
        int asked = bound.backfill().size();
        long filled = bound.backfilled();
        String past = "the past " + asked + " " + unitsOf(bound.binding().cadence());
        if (filled == asked) {
            return "Filled all of " + past + " from Prometheus's history.";
        }
        Optional<MeasureResult> lastMissing =
                bound.backfill().stream().filter(r -> !r.measured()).reduce((first, second) -> second);
        String why = lastMissing
                .map(r -> " The latest without one, " + period(bound.binding().cadence(), r.period()) + ": "
                        + missing(r.reason().orElseThrow(), r.detail()))
                .orElse("");
        return "Filled " + filled + " of " + past + " from Prometheus's history; " + (asked - filled)
                + " gave no number." + why;
    }

    private static String unitsOf(Cadence cadence) {
        return cadence == Cadence.WEEK ? "weeks" : "months";
    }

    private static Reply reply(List<String> lines) {
        String text = String.join("\n", lines);
        List<LayoutBlock> blocks = SlackBlocks.lines(lines);
        return Reply.of(SlackBlocks.clip(text, SlackBlocks.MAX_TEXT), blocks);
    }
}
