/**
 * The scraper's admin API under {@code /api/v1/sources}, behind the admin key: every source with
 * its last run and health, scrape now, add / change / disable. Changes go through the
 * {@code scraper-sources} topic, so every replica sees them and the owning replica acts on them.
 */
package io.pricewar.scraper.admin;
