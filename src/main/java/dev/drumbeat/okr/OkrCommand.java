package dev.drumbeat.okr;

import dev.drumbeat.UserError;
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
    private static final String HOW = "Use `/drumbeat okr`, `okr add <objective>`, `okr show O3`, `okr kr O3` or"
            + " `okr link KR7 <service>/<kpi>` or `okr confidence KR7 on track`.";
    private static final Pattern OBJECTIVE = Pattern.compile("(?i)o?(\\d{1,18})");
    private static final Pattern CONFIDENCE = Pattern.compile("(?i)(?:kr)?(\\d{1,18})\\s+(.+)");
    private static final Pattern LINK = Pattern.compile("(?i)(?:kr)?(\\d{1,18})\\s+([^/]+?)\\s*/\\s*(.+)");
    private final OkrService okrs;

    OkrCommand(OkrService okrs) {
        this.okrs = okrs;
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
        String action = words[0].toLowerCase(Locale.ROOT);
        String rest = words.length > 1 ? words[1].strip() : "";
        String team = request.actor().teamId();
        switch (action) {
            case "":
                Quarter quarter = okrs.currentQuarter();
                return OkrViews.quarter(quarter, okrs.quarter(team, quarter));
            case "add":
                OkrDao.ObjectiveRow added = okrs.addObjective(request.actor(), rest);
                return Reply.text(":dart: O" + added.id() + " *" + SlackBlocks.escape(added.title()) + "* is set for "
                        + added.quarter() + ". Add key results with `/drumbeat okr kr O" + added.id() + "`.");
            case "show":
                return OkrViews.objective(objective(team, rest));
            case "kr":
                OkrService.ObjectiveView objective = objective(team, rest);
                OkrService.requireMayChange(request.actor(), objective.objective());
                request.modals().open(KeyResultForm.add(objective.objective()));
                return Reply.none();
            case "link":
                Matcher link = LINK.matcher(rest);
                if (!link.matches()) {
                    throw new UserError("Use `/drumbeat okr link KR7 payments-api/uptime`.");
                }
                String title = okrs.link(request.actor(), Long.parseLong(link.group(1)), link.group(2).strip(),
                        link.group(3).strip());
                return Reply.text(":link: KR" + link.group(1) + " of *" + SlackBlocks.escape(title) + "* is now measured by "
                        + SlackBlocks.escape(link.group(2).strip() + " / " + link.group(3).strip()) + ".");
            case "confidence":
                return confidence(request, rest);
            case "done":
                Matcher done = CONFIDENCE.matcher(rest);
                if (!done.matches()) {
                    throw new UserError("Use `/drumbeat okr done KR7 <what shows it is done>`.");
                }
                String finished = okrs.markDone(request.actor(), Long.parseLong(done.group(1)), done.group(2));
                return Reply.text(":white_check_mark: KR" + done.group(1) + " *" + SlackBlocks.escape(finished) + "* is done.");
            case "at-risk":
            case "risk":
                Quarter now = okrs.currentQuarter();
                return OkrViews.filtered(now, okrs.quarter(team, now), OkrService.KeyResultView::atRisk, "at risk",
                        "no key result is at risk: none trails the quarter by more than a quarter, and no owner says off track.");
            case "vanity":
                Quarter current = okrs.currentQuarter();
                return OkrViews.filtered(current, okrs.quarter(team, current), OkrService.KeyResultView::vanity,
                        "said on track while their KPIs have not moved",
                        "no key result is said to be on track while its KPI stands still.");
            default:
                throw new UserError(HOW);
        }
    }

    private Reply confidence(CommandRequest request, String rest) {
        Matcher said = CONFIDENCE.matcher(rest);
        Optional<Confidence> confidence = said.matches() ? Confidence.parse(said.group(2)) : Optional.empty();
        if (confidence.isEmpty()) {
            throw new UserError("Use `/drumbeat okr confidence KR7 on track` (or `at risk`, `off track`).");
        }
        String title = okrs.recordConfidence(request.actor(), Long.parseLong(said.group(1)), confidence.get());
        return Reply.text(":memo: KR" + said.group(1) + " *" + SlackBlocks.escape(title) + "*: " + confidence.get().label()
                + " this week.");
    }

    private OkrService.ObjectiveView objective(String teamId, String typed) {
        Matcher id = OBJECTIVE.matcher(typed.strip());
        if (!id.matches()) {
            throw new UserError("Name the objective by its number, like `O3`. `/drumbeat okr` lists them.");
        }
        return okrs.objective(teamId, Long.parseLong(id.group(1))).orElseThrow(() -> new UserError(
                "There is no objective O" + id.group(1) + ". `/drumbeat okr` lists them."));
    }
}
