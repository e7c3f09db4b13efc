package dev.drumbeat.okr;

import dev.drumbeat.core.UserError;
import dev.drumbeat.slack.CommandRequest;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.SlackBlocks;
import dev.drumbeat.slack.Subcommand;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * `/drumbeat okr`: this quarter's objectives; `okr add <objective>`, `okr show O<n>`, `okr kr O<n>` (a modal) and
 * `okr link KR<n> <service>/<kpi>`; `okr confidence KR<n> on track` is a key result owner's word for the week.
 */
final class OkrCommand implements Subcommand {
    private static final String HOW = "Use `/drumbeat okr`, `okr add &lt;objective&gt;`, `okr show O3`, `okr kr O3` or"
            + " `okr link KR7 &lt;service&gt;/&lt;kpi&gt;` or `okr confidence KR7 on track`.";
    private static final Pattern OBJECTIVE = Pattern.compile("(?i)o?(\\d{1,18})");
    /** {@code KR7 <words>}: a key result and what is said of it. */
    private static final Pattern CONFIDENCE = Pattern.compile("(?i)(?:kr)?(\\d{1,18})\\s+(.+)");

    private static final Pattern LINK = Pattern.compile("(?i)(?:kr)?(\\d{1,18})\\s+([^/]+?)\\s*/\\s*(.+)");
    private final OkrService okrs;
    private final KeyResultService keyResults;

    OkrCommand(OkrService okrs, KeyResultService keyResults) {
        this.okrs = okrs;
        this.keyResults = keyResults;
    }

    @Override
    public String name() {
        return "okr";
    }

    @Override
    public String usage() {
        return "okr [at-risk | vanity | add <objective> | show O<n> | kr O<n> | link KR<n> <service>/<kpi>"
                + " | confidence KR<n> <on track|at risk|off track> | done KR<n> <evidence>]";
    }

    @Override
    public String summary() {
        return "this quarter's objectives and key results, with progress, what is at risk and what looks like vanity";
    }

    @Override
    public Reply handle(CommandRequest request) {
        String[] words = request.args().strip().split("\\s+", 2);
        String rest = words.length > 1 ? words[1].strip() : "";
        String team = request.actor().teamId();
        switch (words[0].toLowerCase(Locale.ROOT)) {
            case "":
                return OkrViews.quarter(okrs.currentQuarter(), okrs.quarter(team, okrs.currentQuarter()));
            case "add":
                return add(request, rest);
            case "show":
                return OkrViews.objective(objective(team, rest));
            case "kr":
                return openKeyResultForm(request, rest);
            case "link":
                return link(request, rest);
            case "confidence":
                return confidence(request, rest);
            case "done":
                return done(request, rest);
            case "at-risk":
            case "risk":
                return OkrViews.filtered(
                        okrs.currentQuarter(),
                        okrs.quarter(team, okrs.currentQuarter()),
                        OkrService.KeyResultView::atRisk,
                        "at risk",
                        "no key result is at risk: none trails its time by"
                                + " more than a quarter, and no owner says off track.");
            case "vanity":
                return OkrViews.filtered(
                        okrs.currentQuarter(),
                        okrs.quarter(team, okrs.currentQuarter()),
                        OkrService.KeyResultView::vanity,
                        "said on track while their KPIs have not moved",
                        "no key result is said to be on track while its KPI stands still.");
            default:
                throw new UserError(HOW);
        }
    }

    private Reply add(CommandRequest request, String rest) {
        OkrDao.ObjectiveRow added = okrs.addObjective(request.actor(), rest);
        return Reply.text(":dart: O" + added.id() + " *" + SlackBlocks.escape(added.title()) + "* is set for "
                + added.quarter() + ". Add key results with `/drumbeat okr kr O" + added.id() + "`.");
    }

    private Reply openKeyResultForm(CommandRequest request, String rest) {
        OkrService.ObjectiveView objective = objective(request.actor().teamId(), rest);
        OkrService.requireMayChange(request.actor(), objective.objective());
        OkrService.requireOpen(objective.objective());
        request.modals().open(KeyResultForm.add(objective.objective()));
        return Reply.none();
    }

    private Reply link(CommandRequest request, String rest) {
        Matcher link = LINK.matcher(rest);
        if (!link.matches()) {
            throw new UserError("Use `/drumbeat okr link KR7 Payments Gateway/Availability`.");
        }
        String title = keyResults.link(
                request.actor(),
                Long.parseLong(link.group(1)),
                link.group(2).strip(),
                link.group(3).strip());
        return Reply.text(":link: KR" + link.group(1) + " of *" + SlackBlocks.escape(title) + "* is now measured by "
                + SlackBlocks.escape(
                        link.group(2).strip() + " / " + link.group(3).strip()) + ".");
    }

    private Reply done(CommandRequest request, String rest) {
        Matcher done = CONFIDENCE.matcher(rest);
        if (!done.matches()) {
            throw new UserError("Use `/drumbeat okr done KR7 &lt;what shows it is done&gt;`.");
        }
        String finished = keyResults.markDone(request.actor(), Long.parseLong(done.group(1)), done.group(2));
        return Reply.text(":white_check_mark: KR" + done.group(1) + " *" + SlackBlocks.escape(finished) + "* is done.");
    }

    private Reply confidence(CommandRequest request, String rest) {
        Matcher said = CONFIDENCE.matcher(rest);
        Optional<Confidence> confidence = said.matches() ? Confidence.parse(said.group(2)) : Optional.empty();
        if (confidence.isEmpty()) {
            throw new UserError("Use `/drumbeat okr confidence KR7 on track` (or `at risk`, `off track`).");
        }
        String title = keyResults.recordConfidence(request.actor(), Long.parseLong(said.group(1)), confidence.get());
        return Reply.text(":memo: KR" + said.group(1) + " *" + SlackBlocks.escape(title) + "*: "
                + confidence.get().label() + " this week.");
    }

    private OkrService.ObjectiveView objective(String teamId, String typed) {
        Matcher id = OBJECTIVE.matcher(typed.strip());
        if (!id.matches()) {
            throw new UserError("Name the objective by its number, like `O3`. `/drumbeat okr` lists them.");
        }
        return okrs.objective(teamId, Long.parseLong(id.group(1)))
                .orElseThrow(
                        () -> new UserError("There is no objective O" + id.group(1) + ". `/drumbeat okr` lists them."));
    }
}
