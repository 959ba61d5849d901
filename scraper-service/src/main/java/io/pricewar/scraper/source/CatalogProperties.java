package io.pricewar.scraper.source;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * The built-in catalog of vendor pages and where files overriding it live.
 *
 * @param enabled   whether the built-in catalog is scraped; off by default, since its real vendor
 *                  URLs are not reachable from tests, build machines or the devstack
 * @param directory a folder of {@code *.yml} files in the catalog's format; a source there
 *                  replaces the catalog's source of the same id, or adds one; none when null
 */
@ConfigurationProperties("pricewar.scraper.catalog")
public record CatalogProperties(boolean enabled, Path directory) {
}
