package io.pricewar.alert.subscription.secret;

import io.pricewar.alert.subscription.SigningSecret;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretCipherTest {

    static final String OLD_KEY = SecretCipher.generateKey();
    static final String NEW_KEY = SecretCipher.generateKey();
    static final String SUBSCRIPTION = "7f1e2d3c-0000-4000-8000-000000000001";

    final String secret = SigningSecret.generate();
    final SecretCipher cipher = SecretCipher.of(OLD_KEY, List.of());

    @Test
    void opensWhatItSealed() {
        SealedSecret sealed = cipher.seal(secret, SUBSCRIPTION);

        assertThat(cipher.open(sealed, SUBSCRIPTION)).isEqualTo(secret);
        assertThat(sealed.keyId()).isEqualTo(cipher.currentKeyId());
    }

    @Test
    void theSealedValueHoldsNothingOfTheSecret() {
        SealedSecret sealed = cipher.seal(secret, SUBSCRIPTION);

        byte[] clear = secret.getBytes(StandardCharsets.UTF_8);
        byte[] key = Base64.getDecoder().decode(secret.substring(SigningSecret.PREFIX.length()));
        assertThat(latin1(sealed.ciphertext())).doesNotContain(latin1(clear)).doesNotContain(latin1(Arrays.copyOf(key, 8)));
        assertThat(sealed.ciphertext()).hasSize(clear.length + 16);
    }

    @Test
    void sealsTheSameSecretDifferentlyEachTimeWithAFresh96BitNonce() {
        SealedSecret first = cipher.seal(secret, SUBSCRIPTION);
        SealedSecret second = cipher.seal(secret, SUBSCRIPTION);

        assertThat(first.nonce()).hasSize(12).isNotEqualTo(second.nonce());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    }

    @Test
    void refusesAValueMovedToAnotherSubscription() {
        SealedSecret sealed = cipher.seal(secret, SUBSCRIPTION);

        assertThatThrownBy(() -> cipher.open(sealed, "another-subscription"))
                .isInstanceOf(UnreadableSecretException.class).hasMessageContaining("another-subscription");
    }

    @Test
    void refusesAnAlteredValue() {
        SealedSecret sealed = cipher.seal(secret, SUBSCRIPTION);
        byte[] altered = sealed.ciphertext().clone();
        altered[3] ^= 1;
        byte[] otherNonce = sealed.nonce().clone();
        otherNonce[0] ^= 1;

        assertThatThrownBy(() -> cipher.open(new SealedSecret(sealed.keyId(), sealed.nonce(), altered), SUBSCRIPTION))
                .isInstanceOf(UnreadableSecretException.class);
        assertThatThrownBy(() -> cipher.open(new SealedSecret(sealed.keyId(), otherNonce, sealed.ciphertext()), SUBSCRIPTION))
                .isInstanceOf(UnreadableSecretException.class);
    }

    @Test
    void refusesAValueUnderAnotherKeyWhateverItsKeyIdClaims() {
        SealedSecret sealed = SecretCipher.of(NEW_KEY, List.of()).seal(secret, SUBSCRIPTION);

        assertThatThrownBy(() -> cipher.open(sealed, SUBSCRIPTION))
                .isInstanceOf(UnreadableSecretException.class).hasMessageContaining(sealed.keyId());
        SealedSecret posingAsOurs = new SealedSecret(cipher.currentKeyId(), sealed.nonce(), sealed.ciphertext());
        assertThatThrownBy(() -> cipher.open(posingAsOurs, SUBSCRIPTION)).isInstanceOf(UnreadableSecretException.class);
    }

    @Test
    void afterARotationOpensWhatThePreviousKeySealedAndSealsUnderTheNewOne() {
        SealedSecret beforeRotation = cipher.seal(secret, SUBSCRIPTION);
        SecretCipher rotated = SecretCipher.of(NEW_KEY, List.of(OLD_KEY));

        assertThat(rotated.open(beforeRotation, SUBSCRIPTION)).isEqualTo(secret);
        SealedSecret resealed = rotated.seal(secret, SUBSCRIPTION);
        assertThat(resealed.keyId()).isEqualTo(rotated.currentKeyId()).isNotEqualTo(beforeRotation.keyId());
        assertThat(rotated.keyIds()).containsExactlyInAnyOrder(rotated.currentKeyId(), cipher.currentKeyId());

        SecretCipher oldKeyDropped = SecretCipher.of(NEW_KEY, List.of());
        assertThat(oldKeyDropped.open(resealed, SUBSCRIPTION)).isEqualTo(secret);
        assertThatThrownBy(() -> oldKeyDropped.open(beforeRotation, SUBSCRIPTION))
                .isInstanceOf(UnreadableSecretException.class);
    }

    @Test
    void aKeyIdDependsOnlyOnTheKey() {
        assertThat(SecretCipher.of(OLD_KEY, List.of()).currentKeyId()).isEqualTo(cipher.currentKeyId())
                .hasSize(12).doesNotContain(OLD_KEY.substring(0, 8));
        assertThat(SecretCipher.of(NEW_KEY, List.of()).currentKeyId()).isNotEqualTo(cipher.currentKeyId());
    }

    @Test
    void refusesAMissingOrMalformedKey() {
        assertThatThrownBy(() -> SecretCipher.of("", List.of())).hasMessageContaining("no key");
        assertThatThrownBy(() -> SecretCipher.of(null, List.of())).hasMessageContaining("no key");
        assertThatThrownBy(() -> SecretCipher.of("not base64!", List.of())).hasMessageContaining("not base64");
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> SecretCipher.of(shortKey, List.of())).hasMessageContaining("128 bits");
        assertThatThrownBy(() -> SecretCipher.of(NEW_KEY, List.of(shortKey))).hasMessageContaining("a previous key");
    }

    /** Bytes as text one char each, so that a byte sequence can be searched with String.contains. */
    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Test
    void ignoresBlankPreviousKeys() {
        assertThat(SecretCipher.of(NEW_KEY, List.of("", " ")).keyIds()).hasSize(1);
    }
}
