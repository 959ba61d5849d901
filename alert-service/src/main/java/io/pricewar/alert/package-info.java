/**
 * The alert service. One package per feature: {@code subscription} (who wants to hear about
 * what), {@code matching} (which subscriptions an event on the log triggers),
 * {@code delivery} (the outbox, and its webhook and e-mail senders) and {@code stream} (live
 * notifications per owner as Server-Sent Events). {@code web} holds what the features' HTTP
 * adapters share.
 */
package io.pricewar.alert;
