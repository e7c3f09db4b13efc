package dev.drumbeat.digest;

import com.slack.api.model.block.LayoutBlock;
import dev.drumbeat.catalog.CatalogTotalsDao;
import dev.drumbeat.catalog.Tier;
import dev.drumbeat.core.Money;
import dev.drumbeat.core.Periods;
import dev.drumbeat.digest.DigestDao.Workspace;
import dev.drumbeat.digest.DigestFacts.Totals;
import dev.drumbeat.digest.DigestPages.Page;
import dev.drumbeat.slack.SlackBlocks;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.slack.outbox.OutboxMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The weekly leadership digest: once a week per workspace, at the day and hour in its escalation settings, one
 * short headline in the leadership channel and the details as replies in its thread, all queued through the
 * outbox in one transaction with the week's row in {@code digests}. That row's key and the outbox's dedupe key
 * make it go out once however many instances sweep at once. "A month ago" is the catalog rolled back 30 days
 * through the audit log's {@code before} snapshots (see {@link CatalogTotalsDao#totalsAt}). Thread-safe.
 */
public final class DigestService {
    static final Duration MONTH = Duration.ofDays(30);
    private static final Logger log = LoggerFactory.getLogger(DigestService.class);
    private final Jdbi jdbi;
    private final Outbox outbox;
    private final Periods periods;
    private final Optional<String> leadershipChannel;
    private final DigestViews views;
    private final DigestReplies replies;
    private final Clock clock;
    private final List<DigestSection> sections;
    private final DigestChart chart;
    private final AtomicBoolean toldNoChannel = new AtomicBoolean();

    public DigestService(
            Jdbi jdbi, Outbox outbox, Periods periods, Optional<String> leadershipChannel, Money money, Clock clock) {
        this(jdbi, outbox, periods, leadershipChannel, money, clock, DigestSection.NONE);
    }

    /** With {@code section} added to each digest's thread as its last reply. */
    public DigestService(
            Jdbi jdbi,
            Outbox outbox,
            Periods periods,
            Optional<String> leadershipChannel,
            Money money,
            Clock clock,
            DigestSection section) {
        this(jdbi, outbox, periods, leadershipChannel, money, clock, section, DigestChart.NONE);
    }

    /** With {@code chart} posted as the first reply in each digest's thread. */
    public DigestService(
            Jdbi jdbi,
            Outbox outbox,
            Periods periods,
            Optional<String> leadershipChannel,
            Money money,
            Clock clock,
            DigestSection section,
            DigestChart chart) {
        this(jdbi, outbox, periods, leadershipChannel, money, clock, List.of(section), chart);
    }

    /** With each of {@code sections} added to each digest's thread as one more reply, in order, after the digest's own. */
    public DigestService(
            Jdbi jdbi,
            Outbox outbox,
            Periods periods,
            Optional<String> leadershipChannel,
            Money money,
            Clock clock,
            List<DigestSection> sections,
            DigestChart chart) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.periods = periods;
        this.leadershipChannel = leadershipChannel;
        this.views = new DigestViews(new DigestWords(money));
        this.replies = new DigestReplies(new DigestWords(money));
        this.clock = clock;
        this.sections = List.copyOf(sections);
        this.chart = chart;
    }

    /** Queues every workspace's digest that is due and not sent this week; returns how many. */
    public int sendDueDigests() {
        if (leadershipChannel.isEmpty()) {
            if (toldNoChannel.compareAndSet(false, true)) {
                log.warn(
                        "no leadership channel is configured (DRUMBEAT_LEADERSHIP_CHANNEL), so no weekly digest is sent");
            }
            return 0;
        }
        Instant now = clock.instant();
        int sent = 0;
        for (Workspace workspace : jdbi.withExtension(DigestDao.class, DigestDao::workspaces)) {
            if (workspace.schedule().isDue(now)) {
                sent += send(workspace, leadershipChannel.get(), now) ? 1 : 0;
            }
        }
        return sent;
    }

    private boolean send(Workspace workspace, String channel, Instant now) {
        String teamId = workspace.teamId();
        ZoneId zone = workspace.schedule().zone();
        LocalDate week = workspace.schedule().weekOf(now);
        String key = "digest:" + teamId + "|" + week;
        List<Optional<String>> extras =
                sections.stream().map(section -> sectionFor(section, teamId)).toList();
        List<LayoutBlock> image = chartFor(teamId, now);
        try {
            return jdbi.inTransaction(handle -> {
                DigestDao dao = handle.attach(DigestDao.class);
                if (dao.isSent(teamId, week)) {
                    return false;
                }
                DigestFacts facts = facts(dao, handle.attach(CatalogTotalsDao.class), teamId, zone, now);
                if (facts.services().isEmpty() || !dao.claim(teamId, week, key, now)) {
                    return false;
                }
                queue(handle, teamId, channel, key, DigestReport.of(facts, now), zone, extras, image);
                return true;
            });
        } catch (RuntimeException e) {
            log.error("could not queue the leadership digest for {}; the next sweep tries again", teamId, e);
            return false;
        }
    }

    private DigestFacts facts(DigestDao dao, CatalogTotalsDao totals, String teamId, ZoneId zone, Instant now) {
        Map<Tier, Totals> monthAgo = new EnumMap<>(Tier.class);
        totals.totalsAt(teamId, now.minus(MONTH))
                .forEach(row -> monthAgo.merge(
                        Tier.parse(row.tier()).orElseThrow(),
                        new Totals(row.services(), row.cost(), row.value()),
                        Totals::plus));
        return new DigestFacts(
                period(now, zone),
                dao.services(teamId),
                dao.openEscalations(teamId),
                dao.anyEscalation(teamId),
                monthAgo);
    }

    /** The check-in period the digest reports on: the current one once its prompts are due, else the one before. */
    private LocalDate period(Instant now, ZoneId zone) {
        LocalDate current = periods.periodOf(now, zone);
        return now.isBefore(periods.promptAt(current, zone)) ? current.minusWeeks(1) : current;
    }

    /** Another feature's section, read before the digest's transaction; its failure costs only the section. */
    private static Optional<String> sectionFor(DigestSection section, String teamId) {
        try {
            return section.textFor(teamId);
        } catch (RuntimeException e) {
            log.error("the digest's extra section for {} failed; the digest goes without it", teamId, e);
            return Optional.empty();
        }
    }

    /** The chart, read before the digest's transaction like the section; its failure costs only the chart. */
    private List<LayoutBlock> chartFor(String teamId, Instant now) {
        try {
            return chart.blocksFor(teamId, now);
        } catch (RuntimeException e) {
            log.error("the digest's chart for {} failed; the digest goes without it", teamId, e);
            return List.of();
        }
    }

    private void queue(
            Handle handle,
            String teamId,
            String channel,
            String key,
            DigestReport report,
            ZoneId zone,
            List<Optional<String>> extras,
            List<LayoutBlock> image) {
        outbox.enqueue(
                handle,
                OutboxMessage.post(
                        teamId,
                        key,
                        channel,
                        DigestMessages.post(DigestViews.text(report), views.headline(report, zone))));
        if (!image.isEmpty()) {
            outbox.enqueue(
                    handle,
                    OutboxMessage.post(
                            teamId,
                            key + ":reply-chart",
                            channel,
                            DigestMessages.reply(key, "Monthly cost and margin by tier", image)));
        }
        List<Page> pages = replies.pages(report);
        for (int i = 0; i < pages.size(); i++) {
            Page page = pages.get(i);
            outbox.enqueue(
                    handle,
                    OutboxMessage.post(
                            teamId,
                            key + ":reply-" + (i + 1),
                            channel,
                            DigestMessages.reply(key, page.text(), page.blocks())));
        }
        for (int i = 0; i < extras.size(); i++) {
            // the first section's key is the one it had when a digest had only one
            String reply = key + ":reply-extra" + (i == 0 ? "" : "-" + (i + 1));
            extras.get(i)
                    .ifPresent(text -> outbox.enqueue(
                            handle,
                            OutboxMessage.post(
                                    teamId,
                                    reply,
                                    channel,
                                    DigestMessages.reply(key, text, List.of(SlackBlocks.markdown(text))))));
        }
    }
}
