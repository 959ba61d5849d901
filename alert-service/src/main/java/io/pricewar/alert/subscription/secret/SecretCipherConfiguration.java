package io.pricewar.alert.subscription.secret;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cipher from the configured keys; a missing or malformed key stops the start-up here. */
@Configuration(proxyBeanMethods = false)
class SecretCipherConfiguration {

    @Bean
    SecretCipher webhookSecretCipher(WebhookSecretsProperties properties) {
        try {
            return SecretCipher.of(properties.key(), properties.previousKeys());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("pricewar.alert.webhook-secrets: " + e.getMessage()
                    + ". Webhook signing secrets are sealed at rest with this key: set it (environment "
                    + "PRICEWAR_ALERT_WEBHOOK_SECRETS_KEY, from the Secret pricewar-secrets, key "
                    + "webhook-secrets-key) to the output of `openssl rand -base64 32`.", e);
        }
    }
}
