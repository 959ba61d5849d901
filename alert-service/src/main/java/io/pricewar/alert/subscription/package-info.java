/**
 * Subscriptions: a webhook, a rule that decides which events it wants and a target that narrows
 * the price points it cares about. {@link io.pricewar.alert.subscription.Subscription},
 * {@link io.pricewar.alert.subscription.AlertRule} and
 * {@link io.pricewar.alert.subscription.PointTarget} are plain Java; the web handler and the
 * MongoDB repository beside them are the adapters.
 */
package io.pricewar.alert.subscription;
