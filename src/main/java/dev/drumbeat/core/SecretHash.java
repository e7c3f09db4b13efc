package dev.drumbeat.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one way Drumbeat stores a secret it hands out (API tokens, dashboard links and sessions): the SHA-256 of the
 * secret, in hex, so a copy of the database opens nothing and a presented secret is found by its hash.
 */
public final class SecretHash {
    private SecretHash() {}

    public static String of(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
