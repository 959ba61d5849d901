package io.pricewar.alert.subscription;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A subscription's webhook signing secret in the Standard Webhooks form: {@code whsec_} and the
 * base64 of 32 random bytes. Shown to the subscriber once, in the answer to its creation.
 */
public final class SigningSecret {

    public static final String PREFIX = "whsec_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private SigningSecret() {
    }

    public static String generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }
}
