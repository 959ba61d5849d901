/**
 * Subscriptions: a webhook, a condition ({@link io.pricewar.alert.rules.AlertCondition}) that
 * decides which events it wants, a target that narrows the price points it cares about (model
 * globs allowed) and a cooldown. {@link io.pricewar.alert.subscription.Subscription} and
 * {@link io.pricewar.alert.subscription.PointTarget} are plain Java; the web handler (create,
 * read, PUT, PATCH, delete) and the MongoDB repository (soft deletes, versions) are the adapters.
 */
package io.pricewar.alert.subscription;
