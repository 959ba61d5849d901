/**
 * Delivery through an outbox: a delivery is recorded in MongoDB (one per subscription and
 * event, ever) before the webhook is called, its outcome is recorded after, and a sweeper
 * re-sends what a crash left pending, so a notification is neither lost nor sent twice for one
 * event. {@link io.pricewar.alert.delivery.Notification} is the JSON a webhook receives. Two
 * transports share that outbox: {@code WebhookSender} (signed HTTP calls) and {@code EmailSender}
 * (SMTP, for a subscription whose endpoint is a {@code mailto:} address).
 */
package io.pricewar.alert.delivery;
