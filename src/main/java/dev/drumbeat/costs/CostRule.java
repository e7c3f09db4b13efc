package dev.drumbeat.costs;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One allocation rule: which charges it takes ({@code kind} with its tag {@code key} and {@code value}) and how they
 * are shared among services, by service id and percent (one service at 100, or a split that adds up to 100).
 */
public record CostRule(int position, Kind kind, Optional<String> key, String value, Map<Long, BigDecimal> shares) {

    /** What a rule matches on. */
    public enum Kind {
        TAG("tag"),
        SUB_ACCOUNT("sub-account"),
        RESOURCE_PREFIX("resource-prefix"),
        PROVIDER_SERVICE("provider-service");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        static Optional<Kind> named(String word) {
            for (Kind kind : values()) {
                if (kind.word.equalsIgnoreCase(word.strip())) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    public CostRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        shares = new LinkedHashMap<>(shares);
        if ((kind == Kind.TAG) != key.isPresent()) {
            throw new IllegalArgumentException("a tag rule, and only a tag rule, names a tag key");
        }
    }
}
