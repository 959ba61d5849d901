/**
 * Owners and their API keys. An admin (holding the admin key from configuration) issues a key to
 * an owner; the key is shown once and stored only as its SHA-256 hash. Every other request under
 * {@code /api/v1} carries a key, {@link io.pricewar.alert.owner.ApiKeyFilter} turns it into the
 * {@link io.pricewar.alert.owner.Owner} the features work for, and each owner has quotas on
 * subscriptions and endpoints.
 */
package io.pricewar.alert.owner;
