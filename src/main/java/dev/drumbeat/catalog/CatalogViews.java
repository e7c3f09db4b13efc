package dev.drumbeat.catalog;

import com.slack.api.model.block.LayoutBlock;
import dev.drumbeat.core.Mentions;
import dev.drumbeat.core.Money;
import dev.drumbeat.core.Units;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.SlackBlocks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Block Kit for the catalog: the service list and the service card. */
final class CatalogViews {
    static final int MAX_LISTED = 150;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    /** KPIs listed on a card; with their readings' sources they fill a few sections, well within 50 blocks. */
    static final int MAX_KPIS = 40;

    private final Money money;
    private final CardSources sources;

    CatalogViews(Money money) {
        this.money = money;
        this.sources = new CardSources(money);
    }

    Reply serviceList(List<ServiceListing> services, String filter) {
        String title = services.size()
                + (services.size() == 1 ? " service" : " services")
                + (filter.isBlank() ? "" : " matching “" + SlackBlocks.escape(filter) + "”");
        if (services.isEmpty()) {
            return Reply.text(title + ". Try `/drumbeat services` without a filter, or filter by tier, "
                    + "`mine`, `ownerless`, `red`, or words in the name.");
        }
        List<String> lines =
                services.stream().limit(MAX_LISTED).map(this::listLine).toList();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackBlocks.markdown("*" + title + "*"));
        blocks.addAll(SlackBlocks.lines(lines));
        if (services.size() > MAX_LISTED) {
            blocks.add(SlackBlocks.note("…and " + (services.size() - MAX_LISTED)
                    + " more. Narrow the list with a filter, such as `/drumbeat services core`."));
        }
        blocks.add(SlackBlocks.note("`/drumbeat status &lt;service&gt;` shows one service in full."));
        return Reply.of(title, blocks);
    }

    /**
     * The service card, with chart images (possibly none) under its KPIs, what the bills say it cost and, when its
     * demand is measured, the unit cost from both; each KPI reading says who or what gave it.
     */
    Reply card(
            ServiceCard card,
            List<LayoutBlock> charts,
            Optional<ServiceActuals.Actual> actual,
            Optional<MeasuredDemand> demand) {
        Service s = card.service();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackBlocks.heading(s.name()));
        blocks.add(SlackBlocks.fields(people(card.listing())));
        blocks.add(SlackBlocks.fields(economics(s)));
        actual.ifPresent(a -> blocks.add(SlackBlocks.fields(actuals(s, a))));
        List<String> measured = sources.demandFields(s, actual, demand);
        if (!measured.isEmpty()) {
            blocks.add(SlackBlocks.fields(measured));
        }
        blocks.addAll(SlackBlocks.lines(kpiLines(card)));
        blocks.addAll(charts);
        blocks.add(SlackBlocks.note(checkInText(card.listing().lastCheckIn())));
        card.listing()
                .deprioritisedBy()
                .ifPresent(decision -> blocks.add(SlackBlocks.note(":double_vertical_bar:"
                        + " Deprioritised by decision #" + decision + ". `/drumbeat decisions` shows it, with Undo.")));
        return Reply.of(
                SlackBlocks.escape(s.name()) + ": " + statusWord(card.listing().lastCheckIn()), blocks);
    }

    private String listLine(ServiceListing listing) {
        Service s = listing.service();
        return statusEmoji(listing.lastCheckIn()) + " *" + SlackBlocks.escape(s.name()) + "* `" + s.key() + "` · "
                + s.tier().label() + (s.isProtected() ? " · protected" : "")
                + (listing.deprioritisedBy().isPresent() ? " · deprioritised" : "") + " · " + owner(listing)
                + " · " + money.format(s.unitCost()) + "/" + SlackBlocks.escape(s.unitName());
    }

    private List<String> people(ServiceListing listing) {
        Service s = listing.service();
        return List.of(
                "*Owner*\n" + owner(listing),
                "*Deputy*\n" + s.deputyId().map(Mentions::mention).orElse("none"),
                "*Tier*\n" + s.tier().label() + (s.isProtected() ? " · protected" : ""),
                "*Team channel*\n" + s.teamChannel().map(c -> "<#" + c + ">").orElse("none"));
    }

    private List<String> economics(Service s) {
        return List.of(
                "*Unit cost*\n" + money.format(s.unitCost()) + " per " + SlackBlocks.escape(s.unitName())
                        + " · plan, typed",
                "*Demand*\n" + Money.quantity(s.monthlyDemand()) + " "
                        + SlackBlocks.escape(Units.forQuantity(s.unitName(), s.monthlyDemand())) + " a month"
                        + " · plan, typed",
                "*Monthly cost*\n" + money.format(s.unitCost()) + " × " + Money.quantity(s.monthlyDemand()) + " = "
                        + money.format(s.monthlyCost()),
                "*Monthly value*\n" + money.format(s.monthlyValue()),
                "*Margin*\n" + money.format(s.margin()) + marginShare(s)
                        + (s.margin().signum() < 0 ? " :warning:" : ""));
    }

    /** Plan against actual: what the bills say the service cost in their latest month, and margin on that. */
    private List<String> actuals(Service s, ServiceActuals.Actual actual) {
        String month = actual.month().getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " "
                + actual.month().getYear();
        if (actual.soFar()) {
            return List.of("*Actual cost (bills, " + month + " so far)*\n" + money.format(actual.cost())
                    + " · the month is not over, so not set against the plan");
        }
        BigDecimal over = actual.cost().subtract(s.monthlyCost());
        String against = s.monthlyCost().signum() == 0
                ? "no plan to compare"
                : money.signed(over) + " against plan ("
                        + over.multiply(BigDecimal.valueOf(100))
                                .divide(s.monthlyCost(), 1, RoundingMode.HALF_UP)
                                .toPlainString()
                        + "%)";
        BigDecimal margin = s.monthlyValue().subtract(actual.cost());
        return List.of(
                "*Actual cost (bills, " + month + ")*\n" + money.format(actual.cost()) + " · " + against,
                "*Margin on actual*\n" + money.format(margin) + (margin.signum() < 0 ? " :warning:" : ""));
    }

    private static String marginShare(Service s) {
        if (s.monthlyValue().signum() == 0) {
            return "";
        }
        BigDecimal share =
                s.margin().multiply(BigDecimal.valueOf(100)).divide(s.monthlyValue(), 1, RoundingMode.HALF_UP);
        return " (" + share.toPlainString() + "% of value)";
    }

    /** The KPIs, a line each with its latest reading and where that came from. */
    private static List<String> kpiLines(ServiceCard card) {
        List<KpiStatus> kpis = card.kpis();
        if (kpis.isEmpty()) {
            return List.of("*KPIs*\nNone mapped yet.");
        }
        List<String> lines = new ArrayList<>();
        lines.add("*KPIs*");
        for (KpiStatus k : kpis.stream().limit(MAX_KPIS).toList()) {
            lines.add(kpiLine(k) + CardSources.origin(k.lastValue().flatMap(v -> card.origin(k.key()))));
        }
        if (kpis.size() > MAX_KPIS) {
            lines.add("…and " + (kpis.size() - MAX_KPIS) + " more; the dashboard lists them all.");
        }
        return lines;
    }

    private static String kpiLine(KpiStatus k) {
        String comparator = "up".equals(k.direction()) ? "≥" : "≤";
        String last = k.lastValue()
                .map(v -> SlackBlocks.escape(Money.measure(v, k.unit())))
                .orElse("no reading yet");
        String mark =
                k.onTarget().map(on -> on ? " :white_check_mark:" : " :x:").orElse("");
        String when = k.lastPeriod().map(p -> " · week of " + DAY.format(p)).orElse("");
        return "• " + SlackBlocks.escape(k.name()) + ": " + last + " (target " + comparator + " "
                + SlackBlocks.escape(Money.measure(k.target(), k.unit())) + ")" + mark + when;
    }

    private static String checkInText(Optional<CheckInSummary> last) {
        return last.map(c -> "Last check-in: " + statusEmoji(last) + " " + c.status() + " by "
                        + Mentions.mention(c.submittedBy())
                        + " on " + DAY.format(c.submittedAt().atZone(ZoneOffset.UTC))
                        + (c.hurdle().isBlank() ? "" : " · hurdle: “" + SlackBlocks.escape(c.hurdle()) + "”"))
                .orElse(":white_circle: No check-in yet.");
    }

    static String owner(ServiceListing listing) {
        String owner = listing.service().ownerId().map(Mentions::mention).orElse("_no owner_");
        return listing.ownerDeactivated() ? owner + " _(left Slack: no owner)_" : owner;
    }

    static String statusEmoji(Optional<CheckInSummary> last) {
        return last.map(c -> switch (c.status()) {
                    case "green" -> ":large_green_circle:";
                    case "amber" -> ":large_orange_circle:";
                    default -> ":red_circle:";
                })
                .orElse(":white_circle:");
    }

    private static String statusWord(Optional<CheckInSummary> last) {
        return last.map(CheckInSummary::status).orElse("no check-in yet");
    }
}
