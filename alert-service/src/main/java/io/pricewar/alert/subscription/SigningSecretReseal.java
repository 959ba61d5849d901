package io.pricewar.alert.subscription;

import io.pricewar.alert.subscription.secret.SecretCipher;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * The start-up pass of a key rotation: before the service matches or delivers anything, it makes
 * sure every stored signing secret can be opened with the configured keys (and refuses to start,
 * naming the missing key ids, if not), then seals under the current key whatever is still in
 * clear (stored before sealing existed) or under a previous key. Once every replica has started
 * with a new key, previous keys can be dropped.
 */
@Component
class SigningSecretReseal {

    private static final Logger log = LoggerFactory.getLogger(SigningSecretReseal.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final SubscriptionRepository repository;
    private final SecretCipher cipher;

    SigningSecretReseal(SubscriptionRepository repository, SecretCipher cipher) {
        this.repository = repository;
        this.cipher = cipher;
    }

    @PostConstruct
    void resealUnderTheCurrentKey() {
        List<String> unknown = repository.signingKeyIds().block(TIMEOUT).stream()
                .filter(id -> !cipher.keyIds().contains(id))
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("signing secrets are stored sealed under keys " + unknown
                    + ", which are not configured (known: " + cipher.keyIds() + "). Put the key they were sealed"
                    + " with into pricewar.alert.webhook-secrets.previous-keys (webhook-secrets-previous-keys).");
        }
        Long resealed = repository.resealSigningSecrets().block(TIMEOUT);
        log.info("webhook signing secrets are sealed under key {}; {} re-sealed at start-up", cipher.currentKeyId(), resealed);
    }
}
