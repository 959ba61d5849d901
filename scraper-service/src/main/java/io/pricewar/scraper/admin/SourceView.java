package io.pricewar.scraper.admin;

import io.pricewar.events.ScrapeHealth;
import io.pricewar.scraper.assign.SourceRecord;
import io.pricewar.scraper.run.LastRuns;
import io.pricewar.scraper.source.Source;

import java.time.Instant;

/**
 * A source as the admin API shows it: its definition, where that came from, whether it is on,
 * whether this replica scrapes it, and its last run and last healthy run (null until there is one).
 */
record SourceView(String id, String vendor, String url, boolean enabled, String origin, Instant scrapeRequestedAt,
                  boolean scrapedByThisReplica, String health, ScrapeHealth lastRun, ScrapeHealth lastSucceeded,
                  Source definition) {

    static SourceView of(SourceRecord record, boolean here, LastRuns.Runs runs) {
        Source source = record.source();
        ScrapeHealth last = runs == null ? null : runs.last();
        String health = last == null ? "NOT_RUN_YET" : last.outcome().name();
        return new SourceView(source.id(), source.vendor(), source.url(), source.isEnabled(), record.origin(),
                record.scrapeRequestedAt(), here, health, last, runs == null ? null : runs.lastSucceeded(), source);
    }
}
