package dev.drumbeat.catalog;

import dev.drumbeat.measure.Measures;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a KPI's latest reading came from: typed by a person (in a check-in or with `/drumbeat kpi`), pushed by a
 * system through the readings API with an admin's token, or measured by a bound PromQL query. A push stores the
 * token's admin, not the token, so {@code tokens} holds that admin's tokens that could have sent it: one names it.
 */
public record ReadingOrigin(
        String kpiKey, String source, Optional<String> recordedBy, Optional<String> query, List<String> tokens) {
    /** The sources people write; any other was pushed, unless Drumbeat measured it. */
    static final Set<String> TYPED = Set.of("checkin", "slack");

    public ReadingOrigin {
        tokens = List.copyOf(tokens);
    }

    public enum Kind {
        TYPED,
        PUSHED,
        MEASURED
    }

    public Kind kind() {
        if (TYPED.contains(source)) {
            return Kind.TYPED;
        }
        return Measures.SOURCE.equals(source) && recordedBy.isEmpty() ? Kind.MEASURED : Kind.PUSHED;
    }
}
