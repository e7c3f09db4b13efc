package dev.drumbeat.core;

import dev.drumbeat.core.ServiceMatcher.Ambiguous;
import dev.drumbeat.core.ServiceMatcher.Found;
import dev.drumbeat.core.ServiceMatcher.Match;
import dev.drumbeat.core.ServiceMatcher.NotFound;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The last rule of {@link ServiceMatcher}: when nothing matched as typed, forgive a slip or two,
 * and failing that offer "did you mean" suggestions. Longer names earn more slack because a slip
 * in a short word turns it into a different word. Stateless and thread-safe.
 */
final class TypoSearch {

    private static final int MAX_SUGGESTIONS = 3;
    private static final Comparator<Scored> CLOSEST_FIRST = Comparator.comparingInt(Scored::distance)
            .thenComparingInt(scored -> scored.service().position());

    private TypoSearch() {}

    static Match search(MatchableName typed, List<MatchableService> services, int maxAmbiguous) {
        int allowed = allowedEdits(typed.compact().length());
        int reach = Math.max(allowed, typed.compact().length() / 3);
        List<Scored> withinReach = new ArrayList<>();
        for (MatchableService service : services) {
            int distance = service.typoDistance(typed.compact(), reach);
            if (distance <= reach) {
                withinReach.add(new Scored(service, distance));
            }
        }
        withinReach.sort(CLOSEST_FIRST);
        return decide(withinReach, allowed, maxAmbiguous);
    }

    /** 0 edits below 4 letters, 1 edit for 4 to 7 letters, 2 edits from 8 letters on. */
    static int allowedEdits(int length) {
        return length >= 8 ? 2 : length >= 4 ? 1 : 0;
    }

    private static Match decide(List<Scored> closestFirst, int allowed, int maxAmbiguous) {
        List<Scored> forgivable = allowed == 0
                ? List.of()
                : closestFirst.stream()
                        .filter(scored -> scored.distance() <= allowed)
                        .toList();
        if (forgivable.isEmpty()) {
            return new NotFound(candidates(closestFirst, MAX_SUGGESTIONS));
        }
        boolean clearWinner = forgivable.size() == 1
                || forgivable.get(0).distance() < forgivable.get(1).distance();
        return clearWinner
                ? new Found(forgivable.get(0).service().candidate())
                : new Ambiguous(candidates(forgivable, maxAmbiguous));
    }

    private static List<ServiceMatcher.Candidate> candidates(List<Scored> scored, int limit) {
        return scored.stream()
                .limit(limit)
                .map(each -> each.service().candidate())
                .toList();
    }

    private record Scored(MatchableService service, int distance) {}
}
