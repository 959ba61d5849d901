package io.pricewar.alert.subscription;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/** Someone who wants a webhook called when an event on a target point satisfies a rule. */
public record Subscription(String id, URI webhookUrl, AlertRule rule, PointTarget target, Instant createdAt) {

    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(createdAt, "createdAt");
        target = target == null ? PointTarget.ANY : target;
    }

    /** A new subscription; the instant is cut to milliseconds, the precision MongoDB keeps. */
    public static Subscription create(URI webhookUrl, AlertRule rule, PointTarget target, Instant now) {
        return new Subscription(UUID.randomUUID().toString(), webhookUrl, rule, target,
                now.truncatedTo(ChronoUnit.MILLIS));
    }
}
