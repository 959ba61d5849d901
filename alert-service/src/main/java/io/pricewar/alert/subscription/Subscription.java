package io.pricewar.alert.subscription;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * An owner's wish to have a webhook called when an event on a target point satisfies a rule.
 *
 * @param ownerId the owner whose API key made it; nobody else sees or changes it
 */
public record Subscription(String id, String ownerId, URI webhookUrl, AlertRule rule, PointTarget target,
                           Instant createdAt) {

    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(createdAt, "createdAt");
        target = target == null ? PointTarget.ANY : target;
    }

    /** A new subscription; the instant is cut to milliseconds, the precision MongoDB keeps. */
    public static Subscription create(String ownerId, URI webhookUrl, AlertRule rule, PointTarget target,
                                      Instant now) {
        return new Subscription(UUID.randomUUID().toString(), ownerId, webhookUrl, rule, target,
                now.truncatedTo(ChronoUnit.MILLIS));
    }
}
