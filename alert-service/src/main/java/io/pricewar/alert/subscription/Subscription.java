package io.pricewar.alert.subscription;

import io.pricewar.alert.rules.AlertCondition;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * An owner's wish to be notified, by webhook or by e-mail, when an event on a target point
 * satisfies a condition.
 *
 * @param ownerId        the owner whose API key made it; nobody else sees or changes it
 * @param webhookUrl     where notifications go: an http(s) webhook, or a {@code mailto:} address
 *                       for the e-mail channel, so that both are one kind of endpoint to the
 *                       outbox, the endpoint quota and the stored documents
 * @param cooldown       after it fires on a point (a model, for a blended rule), how long further
 *                       firings there stay silent; zero for none
 * @param signingSecret  the {@code whsec_} secret its webhooks are signed with
 * @param disabledReason why its endpoint is no longer called (it answered 410 Gone); null while active
 * @param version        raised by every change, so replicas apply changes in order
 * @param digest         when set, its notifications are collected and sent once a day as one
 *                       digest; null to send each as it happens
 */
public record Subscription(String id, String ownerId, URI webhookUrl, AlertCondition condition, PointTarget target,
                           Duration cooldown, Instant createdAt, String signingSecret, String disabledReason,
                           long version, DigestSchedule digest) {

    /** A subscription that sends each notification as it happens. */
    public Subscription(String id, String ownerId, URI webhookUrl, AlertCondition condition, PointTarget target,
                        Duration cooldown, Instant createdAt, String signingSecret, String disabledReason,
                        long version) {
        this(id, ownerId, webhookUrl, condition, target, cooldown, createdAt, signingSecret, disabledReason, version,
                null);
    }

    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(signingSecret, "signingSecret");
        target = target == null ? PointTarget.ANY : target;
        cooldown = cooldown == null ? Duration.ZERO : cooldown;
    }

    /** The address this subscription e-mails, or null when it calls a webhook. */
    public String emailTo() {
        return EmailAddress.of(webhookUrl);
    }

    public boolean isActive() {
        return disabledReason == null;
    }

    /** A new subscription; the instant is cut to milliseconds, the precision MongoDB keeps. */
    public static Subscription create(String ownerId, URI webhookUrl, AlertCondition condition, PointTarget target,
                                      Duration cooldown, Instant now) {
        return create(ownerId, webhookUrl, condition, target, cooldown, null, now);
    }

    /** A new subscription, sending a daily digest when {@code digest} is set. */
    public static Subscription create(String ownerId, URI webhookUrl, AlertCondition condition, PointTarget target,
                                      Duration cooldown, DigestSchedule digest, Instant now) {
        return new Subscription(UUID.randomUUID().toString(), ownerId, webhookUrl, condition, target, cooldown,
                now.truncatedTo(ChronoUnit.MILLIS), SigningSecret.generate(), null, 1, digest);
    }

    /** This subscription with another condition, target, webhook and cooldown; the rest kept. */
    public Subscription changedTo(URI webhookUrl, AlertCondition condition, PointTarget target, Duration cooldown) {
        return changedTo(webhookUrl, condition, target, cooldown, digest);
    }

    /** This subscription with another condition, target, webhook, cooldown and digest; the rest kept. */
    public Subscription changedTo(URI webhookUrl, AlertCondition condition, PointTarget target, Duration cooldown,
                                  DigestSchedule digest) {
        return new Subscription(id, ownerId, webhookUrl, condition, target, cooldown, createdAt, signingSecret,
                disabledReason, version + 1, digest);
    }
}
