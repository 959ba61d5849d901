/**
 * The alert service. One package per feature: {@code subscription} (who wants to hear about
 * what), {@code matching} (which subscriptions an event on the log triggers) and
 * {@code delivery} (the outbox and the webhook sender). {@code web} holds what the features'
 * HTTP adapters share.
 */
package io.pricewar.alert;
