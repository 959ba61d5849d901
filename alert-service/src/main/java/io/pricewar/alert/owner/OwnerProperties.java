package io.pricewar.alert.owner;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminKey                the key that may issue API keys; blank (the default) turns the
 *                                admin endpoint off, so no deployment runs with a known one
 * @param defaultMaxSubscriptions quota given to a new key unless the admin names another
 * @param defaultMaxEndpoints     quota of distinct endpoints given to a new key likewise
 */
@ConfigurationProperties("pricewar.alert.owners")
public record OwnerProperties(
        @DefaultValue("") String adminKey,
        @DefaultValue("100") int defaultMaxSubscriptions,
        @DefaultValue("10") int defaultMaxEndpoints) {

    boolean adminEnabled() {
        return adminKey != null && !adminKey.isBlank();
    }
}
