package dev.drumbeat.ask;

import com.slack.api.model.block.LayoutBlock;
import dev.drumbeat.ask.advisor.AdvisorFactsDao;
import dev.drumbeat.core.Mentions;
import dev.drumbeat.core.Money;
import dev.drumbeat.db.CatalogSnapshots;
import dev.drumbeat.slack.SlackBlocks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Answers the plain look-ups: who owns a service, its deputy, its unit cost, what costs most, where margin is negative. */
final class LookupAnswers {
    static final int COSTLIEST = 10;
    static final int MAX_LISTED = 20;
    private static final String GONE =
            "That service was just removed from the catalog. `/drumbeat services` lists them all.";
    private final Jdbi jdbi;
    private final Money money;
    /** The whole catalog's monthly cost, summed over every service once per change of the catalog. */
    private final CatalogSnapshots<BigDecimal> totals;

    LookupAnswers(Jdbi jdbi, Money money) {
        this.jdbi = jdbi;
        this.money = money;
        this.totals = new CatalogSnapshots<>(
                jdbi, teamId -> jdbi.withExtension(AdvisorFactsDao.class, dao -> dao.monthlyCost(teamId)));
    }

    Answer whoOwns(String teamId, String key) {
        return service(teamId, key)
                .map(s -> text("who-owns", ownerSentence(s) + deputyClause(s)))
                .orElseGet(LookupAnswers::gone);
    }

    Answer whoIsDeputy(String teamId, String key) {
        return service(teamId, key)
                .map(s -> text(
                        "who-is-deputy",
                        s.deputyId()
                                .map(d -> "The deputy for *" + name(s) + "* is " + Mentions.mention(d) + ".")
                                .orElse("*" + name(s)
                                        + "* has no deputy. Its owner or an admin can name one with `/drumbeat service edit "
                                        + s.key() + "`.")))
                .orElseGet(LookupAnswers::gone);
    }

    Answer unitCost(String teamId, String key) {
        return service(teamId, key)
                .map(s -> text(
                        "unit-cost",
                        "*" + name(s) + "* costs *" + money.format(s.unitCost())
                                + " per " + SlackBlocks.escape(s.unitName()) + "*. At "
                                + Money.quantity(s.monthlyDemand()) + " a month"
                                + " that is *" + money.format(s.monthlyCost()) + " a month*, against "
                                + money.format(s.monthlyValue())
                                + " of value: margin *" + money.signed(s.margin()) + "*."))
                .orElseGet(LookupAnswers::gone);
    }

    Answer costsTheMost(String teamId) {
        List<AskDao.ServiceFact> top = jdbi.withExtension(AskDao.class, dao -> dao.costliest(teamId, COSTLIEST));
        if (top.isEmpty()) {
            return text("costs-most", "The catalog has no services yet. `/drumbeat service add` adds one.");
        }
        BigDecimal total = totals.of(teamId);
        String title = "*The " + (top.size() == 1 ? "costliest service" : top.size() + " costliest services") + "* (the"
                + " whole catalog costs " + money.format(total) + " a month)";
        return listing("costs-most", title, top);
    }

    Answer negativeMargin(String teamId) {
        List<AskDao.ServiceFact> losing = jdbi.withExtension(AskDao.class, dao -> dao.negativeMargin(teamId));
        if (losing.isEmpty()) {
            return text("negative-margin", ":white_check_mark: No service costs more than the value it brings in.");
        }
        BigDecimal gap = losing.stream().map(AskDao.ServiceFact::margin).reduce(BigDecimal.ZERO, BigDecimal::add);
        String title = "*" + AdviceViews.count(losing.size(), "service") + (losing.size() == 1 ? " costs" : " cost")
                + " more than they bring in*, " + money.format(gap.abs()) + " a month in all, worst first";
        return listing("negative-margin", title, losing);
    }

    Answer ownerless(String teamId) {
        List<AskDao.ServiceFact> ownerless = jdbi.withExtension(AskDao.class, dao -> dao.ownerless(teamId));
        if (ownerless.isEmpty()) {
            return text("ownerless", ":white_check_mark: Every active service has an owner who is still in Slack.");
        }
        BigDecimal cost =
                ownerless.stream().map(AskDao.ServiceFact::monthlyCost).reduce(BigDecimal.ZERO, BigDecimal::add);
        String title = "*" + AdviceViews.count(ownerless.size(), "service") + (ownerless.size() == 1 ? " has" : " have")
                + " nobody answering for " + (ownerless.size() == 1 ? "it" : "them") + "*, " + money.format(cost)
                + " a month in all, costliest first. `/drumbeat owner &lt;service&gt; @someone` names an owner.";
        return listing("ownerless", title, ownerless);
    }

    /** The first {@link #MAX_LISTED} services, numbered, with how many more there are. */
    private Answer listing(String kind, String title, List<AskDao.ServiceFact> services) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_LISTED, services.size()); i++) {
            AskDao.ServiceFact s = services.get(i);
            lines.add((i + 1) + ". *" + name(s) + "* `" + s.key() + "` · " + money.format(s.monthlyCost())
                    + "/mo · value "
                    + money.format(s.monthlyValue()) + " · margin " + money.signed(s.margin()) + " · "
                    + s.ownerId().map(Mentions::mention).orElse("no owner")
                    + (s.deprioritised() ? " · deprioritised" : ""));
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackBlocks.markdown(title));
        blocks.addAll(SlackBlocks.lines(lines));
        if (services.size() > MAX_LISTED) {
            blocks.add(SlackBlocks.note("…and " + (services.size() - MAX_LISTED) + " more."));
        }
        return Answer.of(kind, title.replace("*", ""), blocks);
    }

    private String ownerSentence(AskDao.ServiceFact s) {
        if (s.ownerId().isEmpty()) {
            return "*" + name(s) + "* has no owner. An admin can name one with `/drumbeat owner " + s.key()
                    + " @someone`.";
        }
        String owner = Mentions.mention(s.ownerId().get());
        return s.ownerActive()
                ? "*" + name(s) + "* is owned by " + owner + "."
                : "*" + name(s) + "* was owned by " + owner
                        + ", who is no longer in Slack. An admin can name a new owner" + " with `/drumbeat owner "
                        + s.key() + " @someone`.";
    }

    private static String deputyClause(AskDao.ServiceFact s) {
        return s.deputyId().map(d -> " Deputy: " + Mentions.mention(d) + ".").orElse("");
    }

    private Optional<AskDao.ServiceFact> service(String teamId, String key) {
        return jdbi.withExtension(AskDao.class, dao -> dao.service(teamId, key));
    }

    private static String name(AskDao.ServiceFact s) {
        return SlackBlocks.escape(s.name());
    }

    private static Answer text(String kind, String text) {
        return Answer.of(kind, text.replace("*", ""), List.of(SlackBlocks.markdown(text)));
    }

    private static Answer gone() {
        return text("gone", GONE);
    }
}
