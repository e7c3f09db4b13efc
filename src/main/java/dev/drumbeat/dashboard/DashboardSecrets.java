package dev.drumbeat.dashboard;

import dev.drumbeat.core.SecretHash;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The random strings behind dashboard links and sessions, and the SHA-256 hashes that are all the database keeps of
 * them. Thread-safe.
 */
final class DashboardSecrets {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private final SecureRandom random = new SecureRandom();

    /** 256 random bits, URL-safe: 43 characters. */
    String next() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a presented string could be one of ours; anything else is refused before the database is asked. */
    static boolean wellFormed(String secret) {
        return secret != null && SHAPE.matcher(secret).matches();
    }

    static String hash(String secret) {
        return SecretHash.of(secret);
    }
}
