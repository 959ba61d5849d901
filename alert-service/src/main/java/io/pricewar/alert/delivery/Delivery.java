package io.pricewar.alert.delivery;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One notification of one subscription about one event, and how sending it went. The payload is
 * kept as the exact text to POST, so every attempt sends the same bytes under the same
 * {@code webhook-id} (the delivery id), and a receiver can drop a repeat.
 *
 * @param leaseUntil while PENDING: until when the sender that holds it owns it, or when its next
 *                   attempt is due; the sweeper takes over a pending delivery only after it.
 *                   Each claim sets a new value, so it also tells a late sender it lost the lease
 * @param lastStatus the HTTP status of the last attempt, null if it got no answer
 */
public record Delivery(
        String id,
        String subscriptionId,
        String eventId,
        URI webhookUrl,
        String payload,
        DeliveryStatus status,
        int attempts,
        Instant createdAt,
        Instant leaseUntil,
        Instant deliveredAt,
        String failureReason,
        Integer lastStatus) {

    public Delivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(status, "status");
    }

    /** The outbox key, and the {@code webhook-id}: at most one delivery per (subscription, event), ever. */
    public static String idOf(String subscriptionId, String eventId) {
        return subscriptionId + ":" + eventId;
    }

    static Delivery pending(String subscriptionId, String eventId, URI webhookUrl, String payload, Instant now,
                            Instant leaseUntil) {
        return new Delivery(idOf(subscriptionId, eventId), subscriptionId, eventId, webhookUrl, payload,
                DeliveryStatus.PENDING, 0, now, leaseUntil, null, null, null);
    }
}
