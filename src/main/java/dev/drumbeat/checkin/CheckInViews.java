package dev.drumbeat.checkin;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import dev.drumbeat.catalog.Service;
import dev.drumbeat.core.Money;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.SlackBlocks;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Block Kit for check-in replies in Slack: the pick-a-service list and what `/drumbeat kpi` answers. */
public final class CheckInViews {
    /** Every Check in button's action id starts with this, followed by {@code :<serviceKey>} to stay unique. */
    public static final String OPEN_ACTION = "checkin-open";

    static final int MAX_LISTED = 45;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.UK);

    private CheckInViews() {}

    static Reply choose(List<Service> services, LocalDate period) {
        String intro = "You answer for " + services.size() + " services. Pick one to check in for the week of "
                + CheckInForm.WEEK.format(period) + ":";
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackBlocks.markdown(intro));
        services.stream().limit(MAX_LISTED).forEach(s -> blocks.add(serviceLine(s, period)));
        if (services.size() > MAX_LISTED) {
            blocks.add(SlackBlocks.note("…and " + (services.size() - MAX_LISTED)
                    + " more. Use `/drumbeat checkin &lt;service&gt;` for those."));
        }
        return Reply.of(intro, blocks);
    }

    static Reply nothingToAnswer() {
        return Reply.text("You don't own or deputise any service, so there is nothing for you to check in."
                + " To check in for a service you cover, name it: `/drumbeat checkin &lt;service&gt;`."
                + " `/drumbeat services mine` shows what you own.");
    }

    static Reply recorded(KpiRecorded r) {
        Kpi kpi = r.kpi();
        String mark = kpi.isOnTarget(r.value()) ? ":white_check_mark:" : ":x:";
        String replaced = r.replaced()
                .filter(old -> old.compareTo(r.value()) != 0)
                .map(old -> " It replaces " + SlackBlocks.escape(Money.measure(old, kpi.unit()))
                        + ", recorded earlier this week.")
                .orElse("");
        return Reply.text(SlackBlocks.escape("Recorded " + Money.measure(r.value(), kpi.unit()) + " for " + kpi.name()
                        + " on " + r.serviceName() + " (week of " + DAY.format(r.periodStart()) + "; target "
                        + kpi.targetText())
                + " " + mark + ")." + replaced);
    }

    static String kpiList(List<Kpi> kpis) {
        return kpis.stream()
                .map(k -> "`" + k.key() + "` (" + SlackBlocks.escape(k.name())
                        + (k.unit().isBlank()
                                ? ""
                                : ", " + SlackBlocks.escape(k.unit().strip())) + ")")
                .collect(Collectors.joining(", "));
    }

    /** A service with its Check in button for the week, as the Home tab shows pending check-ins. */
    public static LayoutBlock checkInLine(Service service, LocalDate period) {
        return serviceLine(service, period);
    }

    private static LayoutBlock serviceLine(Service service, LocalDate period) {
        String value = CheckInRef.of(service.key(), period).encode();
        String text = "*" + SlackBlocks.escape(service.name()) + "* `" + service.key() + "`";
        return section(s -> s.text(markdownText(text))
                .accessory(button(b -> b.actionId(OPEN_ACTION + ":" + service.key())
                        .text(plainText("Check in"))
                        .value(value)
                        .style("primary"))));
    }
}
