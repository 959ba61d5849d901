package io.pricewar.alert.subscription.secret;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * The keys webhook signing secrets are sealed with at rest. There is deliberately no default: a
 * service without a key refuses to start, rather than storing secrets in clear or under a key
 * nobody keeps. The devstack and the tests configure their own.
 *
 * @param key          base64 of 32 random bytes ({@code openssl rand -base64 32}); seals new and
 *                     re-sealed secrets ({@code pricewar-secrets} key {@code webhook-secrets-key})
 * @param previousKeys keys of before a rotation, comma-separated: they only open what they sealed,
 *                     until the start-up pass has re-sealed it under {@code key}
 */
@ConfigurationProperties("pricewar.alert.webhook-secrets")
public record WebhookSecretsProperties(
        @DefaultValue("") String key,
        @DefaultValue List<String> previousKeys) {
}
