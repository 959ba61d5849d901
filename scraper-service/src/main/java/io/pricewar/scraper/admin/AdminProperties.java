package io.pricewar.scraper.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The admin key, given either as is or as the lower-case hex SHA-256 of the key (so a deployment
 * need not keep the key itself in its configuration). Neither set: the admin API refuses everyone.
 */
@ConfigurationProperties("pricewar.scraper.admin")
public record AdminProperties(String key, String keySha256) {
}
