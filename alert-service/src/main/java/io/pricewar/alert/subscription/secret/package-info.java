/**
 * Webhook signing secrets at rest: sealed with AES-GCM under a key the deployment supplies
 * ({@code pricewar.alert.webhook-secrets.key}, the {@code webhook-secrets-key} of the Secret
 * {@code pricewar-secrets}), bound to their subscription, and re-sealed under the current key at
 * start-up so that keys can be rotated. {@link io.pricewar.alert.subscription.secret.SecretCipher}
 * is plain JDK cryptography; the rest is its Spring wiring.
 */
package io.pricewar.alert.subscription.secret;
