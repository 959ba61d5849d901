package io.pricewar.alert.subscription;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * An owner's wish to have a webhook called when an event on a target point satisfies a rule.
 *
 * @param ownerId        the owner whose API key made it; nobody else sees or changes it
 * @param signingSecret  the {@code whsec_} secret its webhooks are signed with
 * @param disabledReason why its endpoint is no longer called (it answered 410 Gone); null while active
 */
public record Subscription(String id, String ownerId, URI webhookUrl, AlertRule rule, PointTarget target,
                           Instant createdAt, String signingSecret, String disabledReason) {

    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(signingSecret, "signingSecret");
        target = target == null ? PointTarget.ANY : target;
    }

    public boolean isActive() {
        return disabledReason == null;
    }

    /** A new subscription; the instant is cut to milliseconds, the precision MongoDB keeps. */
    public static Subscription create(String ownerId, URI webhookUrl, AlertRule rule, PointTarget target,
                                      Instant now) {
        return new Subscription(UUID.randomUUID().toString(), ownerId, webhookUrl, rule, target,
                now.truncatedTo(ChronoUnit.MILLIS), SigningSecret.generate(), null);
    }
}
