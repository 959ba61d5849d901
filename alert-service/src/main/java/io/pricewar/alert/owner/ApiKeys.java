package io.pricewar.alert.owner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Making and hashing API keys. A key is 32 random bytes, so an unsalted SHA-256 is enough to keep
 * it from being read back out of the database: a slow password hash only helps against guessing
 * low-entropy secrets, and it would cost every request its latency.
 */
public final class ApiKeys {

    /** Lets a leaked key be recognised by secret scanners and by eye. */
    static final String PREFIX = "pwk_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Compares in time independent of where the texts differ, so the admin key cannot be timed out. */
    static boolean sameSecret(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
