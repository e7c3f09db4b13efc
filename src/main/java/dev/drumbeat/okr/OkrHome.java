package dev.drumbeat.okr;

import java.util.ArrayList;
import java.util.List;

/** The Home tab's view of OKRs: the key results a person owns this quarter, each with progress and flags. */
public final class OkrHome {
    private final OkrService okrs;

    public OkrHome(OkrService okrs) {
        this.okrs = okrs;
    }

    /** One mrkdwn line per key result the person owns in this quarter's open objectives. */
    public List<String> linesFor(String teamId, String userId) {
        List<String> lines = new ArrayList<>();
        for (OkrService.ObjectiveView o : okrs.quarter(teamId, okrs.currentQuarter())) {
            o.keyResults().stream()
                    .filter(kr -> kr.row().ownerId().filter(userId::equals).isPresent())
                    .forEach(kr -> lines.add("• " + OkrViews.keyResultLine(kr) + " · O"
                            + o.objective().id()));
        }
        return lines;
    }
}
