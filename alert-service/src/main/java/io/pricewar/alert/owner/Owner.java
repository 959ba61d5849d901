package io.pricewar.alert.owner;

import java.time.Instant;
import java.util.Objects;

/**
 * Whoever holds one API key: the subscriptions made with the key are theirs alone.
 *
 * @param maxSubscriptions how many subscriptions the owner may have at once
 * @param maxEndpoints     how many distinct endpoints (webhook URLs, e-mail addresses) those
 *                         subscriptions may notify
 */
public record Owner(String id, String name, int maxSubscriptions, int maxEndpoints, Instant createdAt) {

    public Owner {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
