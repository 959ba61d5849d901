package io.pricewar.alert.subscription.secret;

/**
 * A secret as stored: the id of the key that sealed it, the AES-GCM nonce, and the ciphertext
 * with its authentication tag.
 */
public record SealedSecret(String keyId, byte[] nonce, byte[] ciphertext) {
}
