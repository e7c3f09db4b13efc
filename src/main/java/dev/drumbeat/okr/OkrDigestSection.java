package dev.drumbeat.okr;

import dev.drumbeat.digest.DigestSection;
import dev.drumbeat.slack.SlackBlocks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The weekly digest's OKR reply: this quarter's key results at risk, and those that look like vanity. */
public final class OkrDigestSection implements DigestSection {
    static final int MAX_LISTED = 15;
    /** 15 lines of this length, the heading and the pointer stay under Slack's 3000 characters. */
    static final int MAX_LINE = 180;

    private final OkrService okrs;

    public OkrDigestSection(OkrService okrs) {
        this.okrs = okrs;
    }

    @Override
    public Optional<String> textFor(String teamId) {
        Quarter quarter = okrs.currentQuarter();
        List<OkrService.ObjectiveView> objectives = okrs.quarter(teamId, quarter);
        List<String> lines = new ArrayList<>();
        for (OkrService.ObjectiveView o : objectives) {
            for (OkrService.KeyResultView kr : o.keyResults()) {
                if (kr.atRisk() || kr.vanity()) {
                    lines.add("• KR" + kr.row().id() + " "
                            + SlackBlocks.escape(kr.row().title()) + " (O"
                            + o.objective().id() + ")" + (kr.atRisk() ? " · at risk" : "")
                            + (kr.vanity() ? " · vanity? said on track, KPI flat" : ""));
                }
            }
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        String more =
                lines.size() > MAX_LISTED ? "\n…and " + (lines.size() - MAX_LISTED) + " more: `/drumbeat okr`." : "";
        List<String> shown = lines.subList(0, Math.min(MAX_LISTED, lines.size())).stream()
                .map(line -> SlackBlocks.clip(line, MAX_LINE))
                .toList();
        return Optional.of("*OKRs, " + quarter + "*: " + lines.size()
                + (lines.size() == 1 ? " key result needs" : " key results need") + " a look\n"
                + String.join("\n", shown) + more);
    }
}
