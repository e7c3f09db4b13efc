package dev.drumbeat.checkin;

import dev.drumbeat.catalog.CatalogService;
import dev.drumbeat.catalog.ServiceLookup;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Money;
import dev.drumbeat.core.ServiceMatcher;
import dev.drumbeat.core.UserError;
import dev.drumbeat.measure.MeasureCommand;
import dev.drumbeat.slack.CommandRequest;
import dev.drumbeat.slack.CommandRouter;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.SlackBlocks;
import dev.drumbeat.slack.Subcommand;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * `/drumbeat kpi <service> <kpi> <value>`: one reading for the caller's current week. Service and KPI
 * names may have spaces, so the words before the value are split where both a service and one of its
 * KPIs match; a trailing unit ({@code 12 ms}) belongs to the value. `/drumbeat kpi bind …` and `kpi unbind …` are
 * the measured KPIs' ({@link MeasureCommand}), registered under those two words and handed the words after them.
 */
final class KpiCommand implements Subcommand {
    private static final String EXAMPLE = "`/drumbeat kpi payments-api availability 99.95`";
    private final CheckInService checkIns;
    private final CatalogService catalog;
    private final ServiceLookup lookup;
    private final CommandRouter router;
    private final CheckInMeasures measures;

    KpiCommand(
            CheckInService checkIns,
            CatalogService catalog,
            ServiceLookup lookup,
            CommandRouter router,
            CheckInMeasures measures) {
        this.measures = measures;
        this.checkIns = checkIns;
        this.catalog = catalog;
        this.lookup = lookup;
        this.router = router;
    }

    private record Target(ServiceMatcher.Candidate service, Kpi kpi) {}

    @Override
    public String name() {
        return "kpi";
    }

    @Override
    public String usage() {
        return "kpi <service> <kpi> <value>";
    }

    @Override
    public String summary() {
        return "record one KPI value for this week, such as " + EXAMPLE;
    }

    /** Binding a KPI measures it and fills its past weeks, which may take longer than Slack waits. */
    @Override
    public boolean mayBeSlow() {
        return true;
    }

    @Override
    public Reply handle(CommandRequest request) {
        Optional<Subcommand> measuring = measuring(request.args());
        if (measuring.isPresent()) {
            String[] words = request.args().split("\\s+", 2);
            return measuring
                    .get()
                    .handle(new CommandRequest(
                            request.actor(), words.length > 1 ? words[1] : "", request.channelId(), request.modals()));
        }
        Actor actor = request.actor();
        List<String> words = Arrays.asList(request.args().split("\\s+"));
        if (words.size() < 3) {
            throw new UserError("Say the service, the KPI and the value, like " + EXAMPLE + ".");
        }
        int valueWords = isUnit(words) ? 2 : 1;
        String value = String.join(" ", words.subList(words.size() - valueWords, words.size()));
        Target target = target(actor.teamId(), words.subList(0, words.size() - valueWords));
        BigDecimal number = parse(value, target);
        Optional<String> measured = measures.queryOf(
                actor.teamId(), target.service().key(), target.kpi().key());
        if (measured.isPresent()) {
            throw new UserError(SlackBlocks.escape(target.kpi().name()) + " is measured by `"
                    + SlackBlocks.escape(SlackBlocks.clip(measured.get(), 200))
                    + "`, so nothing is typed over it without a reason: open `/drumbeat checkin "
                    + target.service().key() + "`, change the value there and say why.");
        }
        KpiRecorded recorded = checkIns.recordReading(
                actor,
                target.service().key(),
                target.kpi().key(),
                number,
                checkIns.currentPeriod(actor.teamId(), actor.userId()));
        return CheckInViews.recorded(recorded);
    }

    /** `kpi bind` or `kpi unbind`, when the first word is one of those. */
    private Optional<Subcommand> measuring(String args) {
        String first = args.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        String name = first.equals("bind") ? MeasureCommand.BIND : first.equals("unbind") ? MeasureCommand.UNBIND : "";
        return name.isEmpty() ? Optional.empty() : router.find(name);
    }

    /** {@code 12 ms}: the last word has no digit and the one before it has. */
    private static boolean isUnit(List<String> words) {
        int last = words.size() - 1;
        return words.size() >= 4
                && !words.get(last).matches(".*\\d.*")
                && words.get(last - 1).matches(".*\\d.*");
    }

    private Target target(String teamId, List<String> names) {
        ServiceMatcher.Candidate lastFound = null;
        String kpiTyped = "";
        for (int split = 1; split < names.size(); split++) {
            String typedKpi = String.join(" ", names.subList(split, names.size()));
            if (catalog.resolve(teamId, String.join(" ", names.subList(0, split)))
                    instanceof ServiceMatcher.Found found) {
                Optional<Kpi> kpi =
                        match(checkIns.kpisOf(teamId, found.candidate().key()), typedKpi);
                if (kpi.isPresent()) {
                    return new Target(found.candidate(), kpi.get());
                }
                lastFound = found.candidate();
                kpiTyped = typedKpi;
            }
        }
        if (lastFound != null) {
            throw unknownKpi(teamId, lastFound, kpiTyped);
        }
        lookup.keyFor(teamId, names.get(0), usage());
        throw new UserError("Say the service, the KPI and the value, like " + EXAMPLE + ".");
    }

    private static Optional<Kpi> match(List<Kpi> kpis, String typed) {
        Optional<Kpi> exact = kpis.stream().filter(k -> k.isCalled(typed)).findFirst();
        List<Kpi> prefixed =
                kpis.stream().filter(k -> k.startsWith(typed)).limit(2).toList();
        return exact.or(() -> prefixed.size() == 1 ? Optional.of(prefixed.get(0)) : Optional.empty());
    }

    private UserError unknownKpi(String teamId, ServiceMatcher.Candidate service, String typed) {
        List<Kpi> kpis = checkIns.kpisOf(teamId, service.key());
        if (kpis.isEmpty()) {
            return new UserError(SlackBlocks.escape(service.name()) + " has no KPIs yet, so there is nothing to record."
                    + " An admin maps KPIs to services in the catalog.");
        }
        return new UserError(SlackBlocks.escape(service.name() + " has no KPI “" + typed + "”.") + " Its KPIs: "
                + CheckInViews.kpiList(kpis) + ". For example: `/drumbeat kpi " + service.key() + " "
                + kpis.get(0).key() + " &lt;value&gt;`.");
    }

    private static BigDecimal parse(String value, Target target) {
        try {
            return KpiValues.parse(value, target.kpi());
        } catch (IllegalArgumentException e) {
            Kpi kpi = target.kpi();
            String reason = Character.toUpperCase(e.getMessage().charAt(0))
                    + e.getMessage().substring(1);
            String unit = kpi.unit().isBlank() ? "" : " in " + kpi.unit().strip();
            String example = "`/drumbeat kpi " + target.service().key() + " " + kpi.key() + " "
                    + Money.measure(kpi.target(), "") + "`";
            throw new UserError(SlackBlocks.escape(reason + ". Give " + kpi.name() + " as a number" + unit) + ", like "
                    + example + ".");
        }
    }
}
