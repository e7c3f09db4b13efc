package dev.drumbeat.home;

import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.LayoutBlock;
import dev.drumbeat.catalog.CheckInSummary;
import dev.drumbeat.catalog.ServiceListing;
import dev.drumbeat.checkin.CheckInService;
import dev.drumbeat.checkin.CheckInStatus;
import dev.drumbeat.checkin.CheckInViews;
import dev.drumbeat.core.Money;
import dev.drumbeat.escalation.EscalationDao;
import dev.drumbeat.slack.BlockJson;
import dev.drumbeat.slack.SlackBlocks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Home tab: the services a person answers for and how they stand, this week's check-ins still to do (with their
 * buttons), open escalations on their services, and the key results they own. Within a Home tab's 100 blocks.
 */
final class HomeViews {
    static final int MAX_SERVICES = 30;
    static final int MAX_PENDING = 20;
    static final int MAX_ESCALATIONS = 15;

    private HomeViews() {}

    static Map<String, Object> view(HomeService.Facts f, Money money) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackBlocks.heading("Your Drumbeat"));
        f.portfolio().ifPresent(p -> blocks.addAll(portfolio(p, money)));
        blocks.addAll(pending(f.pending()));
        blocks.add(SlackBlocks.markdown("*Your services*"));
        blocks.addAll(
                f.services().isEmpty()
                        ? List.of(SlackBlocks.note(
                                "You own or deputise for no services. `/drumbeat services` lists them all."))
                        : SlackBlocks.lines(f.services().stream()
                                .limit(MAX_SERVICES)
                                .map(HomeViews::service)
                                .toList()));
        blocks.add(SlackBlocks.markdown("*Open escalations on your services*"));
        blocks.addAll(
                f.escalations().isEmpty()
                        ? List.of(SlackBlocks.note(":white_check_mark: None."))
                        : SlackBlocks.lines(f.escalations().stream()
                                .limit(MAX_ESCALATIONS)
                                .map(HomeViews::escalation)
                                .toList()));
        blocks.add(SlackBlocks.markdown("*Your key results this quarter*"));
        blocks.addAll(
                f.keyResults().isEmpty()
                        ? List.of(SlackBlocks.note("None. `/drumbeat okr` lists the quarter's."))
                        : SlackBlocks.lines(f.keyResults()));
        blocks.add(SlackBlocks.note(
                "`/drumbeat help` lists everything; `/drumbeat ask` answers questions in plain words."));
        return Map.of("type", "home", "blocks", BlockJson.values(blocks.subList(0, Math.min(blocks.size(), 100))));
    }

    private static List<LayoutBlock> portfolio(HomeService.Portfolio p, Money money) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackBlocks.markdown("*Portfolio health*"));
        blocks.add(SlackBlocks.fields(List.of(
                "*Latest check-in, any week*\n" + latestStatuses(p.byStatus()),
                "*Needs an owner or a check-in*\n" + p.ownerless() + " ownerless · " + p.stale() + " stale",
                "*Monthly cost*\n" + money.format(p.monthlyCost()),
                "*Monthly margin*\n" + money.signed(p.monthlyValue().subtract(p.monthlyCost())),
                "*Open escalations*\n" + p.escalated())));
        blocks.add(SlackBlocks.note("Latest check-in counts each service's most recent one, however old;"
                + " the weekly digest counts only this week's."));
        if (!p.topRisks().isEmpty()) {
            blocks.addAll(SlackBlocks.lines(
                    p.topRisks().stream().map(HomeViews::escalation).toList()));
        }
        blocks.add(Blocks.divider());
        return blocks;
    }

    /** "30 green · 10 amber · 0 red · 8 never checked in", in that order whatever the counts. */
    private static String latestStatuses(Map<String, Long> byStatus) {
        List<String> counts = new ArrayList<>();
        for (CheckInStatus status : CheckInStatus.values()) {
            counts.add(byStatus.getOrDefault(status.label(), 0L) + " " + status.label());
        }
        counts.add(byStatus.getOrDefault(HomeService.NEVER_CHECKED_IN, 0L) + " never checked in");
        return String.join(" · ", counts);
    }

    private static List<LayoutBlock> pending(CheckInService.Pending pending) {
        if (pending.services().isEmpty()) {
            return List.of(SlackBlocks.markdown(":white_check_mark: No check-ins waiting on you this week."));
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackBlocks.markdown("*Check-ins waiting on you this week*"));
        pending.services().stream()
                .limit(MAX_PENDING)
                .forEach(s -> blocks.add(CheckInViews.checkInLine(s, pending.period())));
        if (pending.services().size() > MAX_PENDING) {
            blocks.add(SlackBlocks.note(
                    "…and " + (pending.services().size() - MAX_PENDING) + " more: `/drumbeat checkin`."));
        }
        return blocks;
    }

    private static String service(ServiceListing listing) {
        String status = listing.lastCheckIn().map(CheckInSummary::status).orElse("no check-in yet");
        return "• *" + SlackBlocks.escape(listing.service().name()) + "* `"
                + listing.service().key() + "` · " + status
                + (listing.deprioritisedBy().isPresent() ? " · deprioritised" : "");
    }

    private static String escalation(EscalationDao.Listed e) {
        return "• level " + e.level() + " · " + SlackBlocks.escape(e.name()) + " · "
                + e.reason().words() + (e.detail().isBlank() ? "" : " — " + e.detail());
    }
}
