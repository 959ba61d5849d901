package io.pricewar.alert.delivery;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One notification of one subscription about one event, and how sending it went. The payload is
 * kept as the exact text to POST, so a re-send after a crash sends the same bytes.
 *
 * @param leaseUntil until when the sender that recorded or last claimed it owns it; the sweeper
 *                   only takes over a pending delivery whose lease has run out
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
        String failureReason) {

    public Delivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(status, "status");
    }

    /** The outbox key: at most one delivery per (subscription, event), ever. */
    public static String idOf(String subscriptionId, String eventId) {
        return subscriptionId + ":" + eventId;
    }

    static Delivery pending(Notification notification, URI webhookUrl, String payload, Instant now,
                            Instant leaseUntil) {
        return new Delivery(idOf(notification.subscriptionId(), notification.eventId()),
                notification.subscriptionId(), notification.eventId(), webhookUrl, payload,
                DeliveryStatus.PENDING, 0, now, leaseUntil, null, null);
    }
}
