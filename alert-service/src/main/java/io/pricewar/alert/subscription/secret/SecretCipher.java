package io.pricewar.alert.subscription.secret;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Seals secrets with AES-256-GCM (the JDK's {@code javax.crypto}): a random 96-bit nonce per
 * value, a 128-bit tag, and associated data naming what the secret belongs to (a subscription
 * id), so a sealed value copied onto another record does not open.
 *
 * <p>One current key seals; previous keys still open what they sealed, until everything has been
 * re-sealed under the current one. A key's id is derived from the key itself (a truncated
 * SHA-256), so an operator rotates by moving values between two settings, with no ids to keep in
 * step, and the id stored beside each value says which key opens it.
 */
public final class SecretCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] KEY_ID_CONTEXT = "pricewar webhook-secrets key id\n".getBytes(StandardCharsets.UTF_8);

    private final SecureRandom random = new SecureRandom();
    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys;

    private SecretCipher(byte[] current, List<byte[]> previous) {
        Map<String, SecretKeySpec> byId = new LinkedHashMap<>();
        currentKeyId = idOf(current);
        byId.put(currentKeyId, new SecretKeySpec(current, "AES"));
        for (byte[] key : previous) {
            byId.putIfAbsent(idOf(key), new SecretKeySpec(key, "AES"));
        }
        keys = Map.copyOf(byId);
    }

    /**
     * @param currentKey   base64 of 32 random bytes ({@code openssl rand -base64 32}); seals and opens
     * @param previousKeys the same, for keys that only open what they sealed before a rotation
     * @throws IllegalArgumentException naming the problem when a key is missing or not 256 bits
     */
    public static SecretCipher of(String currentKey, List<String> previousKeys) {
        if (currentKey == null || currentKey.isBlank()) {
            throw new IllegalArgumentException("no key is configured");
        }
        return new SecretCipher(decode(currentKey, "the key"), previousKeys.stream()
                .filter(key -> key != null && !key.isBlank())
                .map(key -> decode(key, "a previous key"))
                .toList());
    }

    /** A fresh random key in the form {@link #of} takes, for local runs and tests. */
    public static String generateKey() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    /** The ids of every key that can open a value: the current one and the previous ones. */
    public Set<String> keyIds() {
        return keys.keySet();
    }

    public SealedSecret seal(String secret, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), nonce, associatedData);
            return new SealedSecret(currentKeyId, nonce, cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * @throws UnreadableSecretException when no configured key has the value's key id, or the
     *                                   value was altered or belongs to other associated data
     */
    public String open(SealedSecret sealed, String associatedData) {
        SecretKeySpec key = keys.get(sealed.keyId());
        if (key == null) {
            throw new UnreadableSecretException("sealed under key " + sealed.keyId()
                    + ", which is neither the current key nor a previous one");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, sealed.nonce(), associatedData);
            return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new UnreadableSecretException("sealed value under key " + sealed.keyId()
                    + " does not verify: altered, or not sealed for " + associatedData, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UnreadableSecretException("sealed value under key " + sealed.keyId() + " is malformed", e);
        }
    }

    private static Cipher cipher(int mode, SecretKeySpec key, byte[] nonce, String associatedData)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static byte[] decode(String base64, String which) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(which + " is not base64", e);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(which + " has " + key.length * 8 + " bits; AES-256 needs "
                    + KEY_BYTES * 8 + " (openssl rand -base64 32)");
        }
        return key;
    }

    private static String idOf(byte[] key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(KEY_ID_CONTEXT);
            return HexFormat.of().formatHex(sha256.digest(key), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
