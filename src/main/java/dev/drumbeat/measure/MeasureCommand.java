package dev.drumbeat.measure;

import dev.drumbeat.core.Periods;
import dev.drumbeat.core.UserError;
import dev.drumbeat.slack.CommandRequest;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.Subcommand;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * `/drumbeat kpi bind <service> <kpi|demand> <promql>` and `/drumbeat kpi unbind <service> <kpi|demand>`. Registered
 * as {@code kpi bind} and {@code kpi unbind}: `/drumbeat kpi` hands them the words after {@code bind} or
 * {@code unbind}, so help lists them and the router never routes to them by itself. Binding measures at once and
 * fills the past periods, which may take seconds: `/drumbeat kpi` is a slow command, answered later when it must be.
 */
public final class MeasureCommand implements Subcommand {
    public static final String BIND = "kpi bind";
    public static final String UNBIND = "kpi unbind";
    static final String DEMAND = "demand";
    private static final String BIND_EXAMPLE =
            "`/drumbeat kpi bind payments-api availability avg_over_time(up{job=\"payments\"}[7d]) * 100`";
    private static final String UNBIND_EXAMPLE = "`/drumbeat kpi unbind payments-api availability`";

    private final Measures measures;
    private final Jdbi jdbi;
    private final Periods periods;
    private final Clock clock;
    private final boolean binding;

    private MeasureCommand(Measures measures, Jdbi jdbi, Periods periods, Clock clock, boolean binding) {
        this.measures = measures;
        this.jdbi = jdbi;
        this.periods = periods;
        this.clock = clock;
        this.binding = binding;
    }

    static MeasureCommand bind(Measures measures, Jdbi jdbi, Periods periods, Clock clock) {
        return new MeasureCommand(measures, jdbi, periods, clock, true);
    }

    static MeasureCommand unbind(Measures measures, Jdbi jdbi, Periods periods, Clock clock) {
        return new MeasureCommand(measures, jdbi, periods, clock, false);
    }

    @Override
    public String name() {
        return binding ? BIND : UNBIND;
    }

    @Override
    public String usage() {
        return binding ? "kpi bind <service> <kpi|demand> <promql>" : "kpi unbind <service> <kpi|demand>";
    }

    @Override
    public String summary() {
        return binding
                ? "measure a KPI, or the service's monthly demand, from Prometheus; fills the past 12 weeks"
                        + " (6 months for demand)"
                : "stop measuring a KPI or demand; the values measured stay";
    }

    @Override
    public Reply handle(CommandRequest request) {
        return binding ? bind(request) : unbind(request);
    }

    private Reply bind(CommandRequest request) {
        String[] words = request.args().strip().split("\\s+", 3);
        if (words.length < 3 || words[2].isBlank()) {
            throw new UserError("Say the service, the KPI (or `demand`) and the PromQL, like " + BIND_EXAMPLE + ".");
        }
        String promql = PromqlText.clean(words[2]);
        Measures.Bound bound = measures.bind(request.actor(), words[0], kpi(words[1]), promql);
        MeasureBinding measured = bound.binding();
        LocalDate current = measured.cadence().periodOf(periods, clock.instant(), measured.zone());
        return MeasureViews.bound(bound, bound.unit(), current, measures.configured());
    }

    private Reply unbind(CommandRequest request) {
        String[] words = request.args().strip().split("\\s+", 2);
        if (words.length < 2 || words[1].isBlank()) {
            throw new UserError("Say the service and the KPI (or `demand`), like " + UNBIND_EXAMPLE + ".");
        }
        return MeasureViews.unbound(measures.unbind(request.actor(), words[0], kpi(words[1].strip())));
    }

    private static Optional<String> kpi(String typed) {
        return typed.toLowerCase(Locale.ROOT).equals(DEMAND) ? Optional.empty() : Optional.of(typed);
    }
}
