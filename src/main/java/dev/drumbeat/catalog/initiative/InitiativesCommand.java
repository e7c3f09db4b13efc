package dev.drumbeat.catalog.initiative;

import com.slack.api.model.block.LayoutBlock;
import dev.drumbeat.core.Mentions;
import dev.drumbeat.core.Money;
import dev.drumbeat.slack.CommandRequest;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.SlackBlocks;
import dev.drumbeat.slack.Subcommand;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** `/drumbeat initiatives`: every initiative, those under way first, with budget, slip cost and due date. */
final class InitiativesCommand implements Subcommand {
    static final int MAX_LISTED = 100;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private final InitiativeService initiatives;
    private final Money money;

    InitiativesCommand(InitiativeService initiatives, Money money) {
        this.initiatives = initiatives;
        this.money = money;
    }

    @Override
    public String name() {
        return "initiatives";
    }

    @Override
    public String usage() {
        return "initiatives";
    }

    @Override
    public String summary() {
        return "the initiatives in flight, with budget, what a month of delay costs and due date";
    }

    @Override
    public Reply handle(CommandRequest request) {
        List<Initiative> all = initiatives.list(request.actor().teamId());
        if (all.isEmpty()) {
            return Reply.text("No initiatives yet. An admin adds one with `/drumbeat initiative add`.");
        }
        String title = all.size() + (all.size() == 1 ? " initiative" : " initiatives");
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackBlocks.markdown("*" + title + "*, those under way first"));
        blocks.addAll(
                SlackBlocks.lines(all.stream().limit(MAX_LISTED).map(this::line).toList()));
        if (all.size() > MAX_LISTED) {
            blocks.add(SlackBlocks.note("…and " + (all.size() - MAX_LISTED) + " more."));
        }
        blocks.add(SlackBlocks.note("`/drumbeat initiative edit &lt;initiative&gt;` changes one; ask "
                + "`/drumbeat ask what if &lt;initiative&gt; slips 6 weeks` for what a delay costs."));
        return Reply.of(title, blocks);
    }

    private String line(Initiative i) {
        return "• *" + SlackBlocks.escape(i.name()) + "* `" + i.key() + "` · " + i.status()
                + (i.isProtected() ? " · protected" : "")
                + i.dueDate().map(d -> " · due " + DAY.format(d)).orElse(" · no due date")
                + " · " + i.ownerId().map(Mentions::mention).orElse("_no owner_")
                + " · budget " + money.format(i.budget()) + " · delay " + money.format(i.monthlySlipCost()) + "/mo"
                + " · relies on " + i.reliedOn().size() + (i.reliedOn().size() == 1 ? " service" : " services");
    }
}
