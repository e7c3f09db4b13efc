package dev.drumbeat.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Finds the service someone meant when they typed its name into Slack ("payments api",
 * "Payment-API", "paymnets", "core banking", "CRM"). People rarely type a name exactly, and a
 * wrong guess is worse than a question, so the rules run from strict to forgiving and the first
 * rule that matches decides: exact key or name, the same ignoring spaces, an initialism, a prefix
 * or whole words, and finally a typo or two. Pure and deterministic; each call is linear in the
 * catalog, so it suits catalogs of tens of thousands of services. Thread-safe.
 */
public final class ServiceMatcher {

    private static final int MAX_AMBIGUOUS = 5;
    /** Shorter prefixes ("p", "tr") say too little to pick a service on their own. */
    private static final int SHORTEST_PREFIX = 3;

    private ServiceMatcher() {}

    /** A service as the catalog knows it: its slug ({@code payments-api}) and display name. */
    public record Candidate(String key, String name) {
        public Candidate {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(name, "name");
        }
    }

    /** What the typed text refers to. */
    public sealed interface Match permits Found, Ambiguous, NotFound {}

    /** Exactly one service fits. */
    public record Found(Candidate candidate) implements Match {}

    /** Several services fit equally well: the best few (at most five), best first. */
    public record Ambiguous(List<Candidate> candidates) implements Match {
        public Ambiguous {
            candidates = List.copyOf(candidates);
        }
    }

    /** No service fits: up to three "did you mean" suggestions, closest first, possibly none. */
    public record NotFound(List<Candidate> suggestions) implements Match {
        public NotFound {
            suggestions = List.copyOf(suggestions);
        }
    }

    /**
     * Matches what someone typed against the catalog. Blank text is {@link NotFound} with no
     * suggestions; ties are broken by catalog order, so the same input always gets the same answer.
     */
    public static Match match(String typed, List<Candidate> catalog) {
        return index(catalog).match(typed);
    }

    /**
     * The form in which two service names are one name to the matcher: case, accents, spaces and punctuation aside
     * ("Payments Gateway", "payments-gateway" and "PaymentsGateway" all give {@code paymentsgateway}), so typing
     * either finds both. A name with no letters or digits is its own stripped, lower-case text. Names are unique in
     * a catalog by this form.
     */
    public static String nameKey(String name) {
        MatchableName matchable = MatchableName.of(name);
        return matchable.isEmpty() ? (name == null ? "" : name.strip().toLowerCase(Locale.ROOT)) : matchable.compact();
    }

    /**
     * The catalog prepared for matching, for callers that match many names against the same catalog: preparing
     * it is the costly part of a match on a large catalog. The two exact rules look names up by their forms rather
     * than reading the whole catalog, so a name typed exactly costs the same on 10 services as on 10,000. Immutable
     * and thread-safe.
     */
    public static final class Index {
        private final List<MatchableService> services;
        private final Map<String, List<MatchableService>> bySpaced;
        private final Map<String, List<MatchableService>> byCompact;

        private Index(List<MatchableService> services) {
            this.services = List.copyOf(services);
            this.bySpaced = byForm(services, MatchableName::spaced);
            this.byCompact = byForm(services, MatchableName::compact);
        }

        /** As {@link ServiceMatcher#match}, against this index's catalog. */
        public Match match(String typed) {
            MatchableName query = MatchableName.of(typed);
            if (query.isEmpty()) {
                return new NotFound(List.of());
            }
            return decide(bySpaced.getOrDefault(query.spaced(), List.of()))
                    .or(() -> decide(byCompact.getOrDefault(query.compact(), List.of())))
                    .orElseGet(() -> forgiving(query, services));
        }

        /** Each form of a key or name, with the services that have it in catalog order, each service once. */
        private static Map<String, List<MatchableService>> byForm(
                List<MatchableService> services, Function<MatchableName, String> form) {
            Map<String, List<MatchableService>> byForm = new HashMap<>();
            for (MatchableService service : services) {
                String key = form.apply(service.key());
                String name = form.apply(service.name());
                byForm.computeIfAbsent(key, k -> new ArrayList<>(1)).add(service);
                if (!name.equals(key)) {
                    byForm.computeIfAbsent(name, n -> new ArrayList<>(1)).add(service);
                }
            }
            byForm.replaceAll((named, having) -> List.copyOf(having));
            return byForm;
        }
    }

    /** Prepares {@code catalog} once for many matches. */
    public static Index index(List<Candidate> catalog) {
        List<MatchableService> services = new ArrayList<>(catalog.size());
        for (Candidate candidate : catalog) {
            services.add(MatchableService.of(services.size(), candidate));
        }
        return new Index(services);
    }

    /** The rules after the exact ones: an initialism, a prefix or whole words, then a typo or two. */
    private static Match forgiving(MatchableName query, List<MatchableService> services) {
        return matchingOnlyOne(services, service -> service.hasInitialism(query))
                .or(() -> matchingPrefixOrWords(services, query))
                .orElseGet(() -> TypoSearch.search(query, services, MAX_AMBIGUOUS));
    }

    /** Only a single hit counts; several are as good as none. */
    private static Optional<Match> matchingOnlyOne(List<MatchableService> services, Predicate<MatchableService> rule) {
        List<MatchableService> hits = services.stream().filter(rule).limit(2).toList();
        return hits.size() == 1 ? decide(hits) : Optional.empty();
    }

    /** Names starting with what was typed rank ahead of names merely containing its words, shortest first. */
    private static Optional<Match> matchingPrefixOrWords(List<MatchableService> services, MatchableName query) {
        boolean longEnough = query.compact().length() >= SHORTEST_PREFIX;
        String[] words = query.words().split(" ");
        Predicate<MatchableService> prefixed = service -> longEnough && service.startsWith(query);
        Comparator<MatchableService> bestFirst = Comparator.comparing(
                        (MatchableService service) -> !prefixed.test(service))
                .thenComparingInt(service -> service.name().compact().length())
                .thenComparingInt(MatchableService::position);
        List<MatchableService> hits = services.stream()
                .filter(prefixed.or(service -> service.containsAllWords(words)))
                .sorted(bestFirst)
                .toList();
        return decide(hits);
    }

    private static Optional<Match> decide(List<MatchableService> hits) {
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        if (hits.size() == 1) {
            return Optional.of(new Found(hits.get(0).candidate()));
        }
        return Optional.of(new Ambiguous(hits.stream()
                .limit(MAX_AMBIGUOUS)
                .map(MatchableService::candidate)
                .toList()));
    }
}
