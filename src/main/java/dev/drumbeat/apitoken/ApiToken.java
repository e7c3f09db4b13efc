package dev.drumbeat.apitoken;

import java.time.Instant;
import java.util.Optional;

/** An API token as Drumbeat remembers it: everything but the token, of which only a hash is kept. */
public record ApiToken(
        long id,
        String teamId,
        String label,
        String createdBy,
        Instant createdAt,
        Optional<Instant> lastUsedAt,
        Optional<Instant> revokedAt) {

    public boolean isRevoked() {
        return revokedAt.isPresent();
    }
}
