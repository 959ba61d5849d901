package io.pricewar.ledger.replay.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param key the value callers send in {@code X-Admin-Key}; when unset, admin endpoints are
 *            closed to everyone rather than open, so a forgotten setting fails safe
 */
@ConfigurationProperties("ledger.admin")
public record AdminProperties(String key) {
}
