package dev.drumbeat.bench;

import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/**
 * The questions the ask load benchmark sends, in turn: what to deprioritise to save an amount a month or a quarter,
 * who owns a service, what costs the most, and how a service is doing, each named service a different one of the
 * generated workspace's. Each question knows a phrase its right answer holds. Immutable.
 */
final class AskMix {
    static final List<String> KINDS = List.of("deprioritise", "who owns", "costs the most", "how is it doing");
    private static final List<String> SAVINGS = List.of(
            "what can we deprioritise to save 2% of monthly cost",
            "what can we deprioritise to save 250k a month",
            "what could we cut to save 3m a quarter",
            "what can we deprioritise to save 80k a month");

    /** One question: its kind (one of {@link #KINDS}), its words, and a phrase the answer must hold. */
    record Question(String kind, String text, String expect) {}

    /** A service of the generated workspace, by key and name. */
    record Named(String key, String name) {}

    private final List<Named> services;

    private AskMix(List<Named> services) {
        this.services = List.copyOf(services);
    }

    /** Every thirteenth active service of the workspace, so the named ones spread over the catalog. */
    static AskMix of(Jdbi jdbi, String teamId) {
        return new AskMix(jdbi.withHandle(h -> h.createQuery(
                        "select key, name from services where team_id = ? and active and id % 13 = 0 order by id")
                .bind(0, teamId)
                .map((rs, ctx) -> new Named(rs.getString("key"), rs.getString("name")))
                .list()));
    }

    /** The {@code index}th question: the kinds in turn, the savings and services cycling beneath them. */
    Question question(int index) {
        int round = index / KINDS.size();
        Named service = services.get(round % services.size());
        return switch (index % KINDS.size()) {
            case 0 -> new Question(KINDS.get(0), SAVINGS.get(round % SAVINGS.size()), "What to deprioritise");
            case 1 -> new Question(KINDS.get(1), "who owns " + service.name() + "?", "`" + service.key() + "`");
            case 2 -> new Question(KINDS.get(2), "what costs the most?", "costliest services");
            default ->
                new Question(
                        KINDS.get(3), "how is " + service.name().toLowerCase(Locale.ROOT) + " doing?", service.name());
        };
    }
}
