package io.pricewar.scraper.assign;

import io.pricewar.scraper.source.Source;

import java.time.Instant;

/**
 * A source as the {@code scraper-sources} topic holds it (key = source id): its definition, where
 * the definition came from, and when someone last asked for it to be scraped now.
 *
 * @param origin            {@link #CONFIG} for sources from configuration and catalog, {@link #ADMIN} for
 *                          definitions given through the admin API; an admin definition is not overwritten
 *                          by configuration at the next start
 * @param scrapeRequestedAt the last "scrape now" request, or null; whichever replica owns the source runs it
 */
public record SourceRecord(Source source, String origin, Instant scrapeRequestedAt) {

    public static final String CONFIG = "config";
    public static final String ADMIN = "admin";

    public SourceRecord withScrapeRequestedAt(Instant at) {
        return new SourceRecord(source, origin, at);
    }
}
