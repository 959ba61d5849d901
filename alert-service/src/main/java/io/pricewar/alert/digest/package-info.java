/**
 * Daily digests: a subscription with a {@link io.pricewar.alert.subscription.DigestSchedule} has
 * its matched notifications held in {@code digest_items} instead of the outbox
 * ({@code DigestCollector}); once a digest day ends, {@code DigestSender} records one
 * {@link io.pricewar.alert.delivery.DailyDigest} listing them in the outbox, where it is retried,
 * signed, dead-lettered and sent by webhook or e-mail like any notification.
 */
package io.pricewar.alert.digest;
