package io.pricewar.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * How one scrape of one source ended, as recorded on {@link Topics#SCRAPE_HEALTH} (key = source
 * id). Operational, not a price: a failed or layout-changed run shows up here and never as a
 * price event, so a reader can tell "the page broke" from "the price moved".
 *
 * @param sourceId        the source scraped
 * @param url             the page read
 * @param outcome         how the run ended
 * @param startedAt       when the run began
 * @param finishedAt      when it ended
 * @param detail          why it failed, or what held back; empty when there is nothing to say
 * @param pricesRead      prices the page yielded (0 when it was not read)
 * @param eventsPublished price events published by this run
 * @param changesHeld     changes held back for confirmation by a later scrape
 * @param cellsRejected   cells that should have held a price but could not be read
 * @param pageUnchanged   the page was the one read last time (304, or the same body hash)
 * @param pageSha256      SHA-256 of the body read; null when no body was read
 */
public record ScrapeHealth(int schemaVersion, String sourceId, String vendor, String url, Outcome outcome,
                           Instant startedAt, Instant finishedAt, String detail, int pricesRead,
                           int eventsPublished, int changesHeld, int cellsRejected, boolean pageUnchanged,
                           String pageSha256) {

    public static final int CURRENT_SCHEMA_VERSION = 1;

    /** How a run ended. */
    public enum Outcome {
        /** The page was read and its changes, if any, published. */
        SUCCEEDED,
        /** The page could not be fetched (status, timeout, size, too many redirects). No event. */
        FETCH_FAILED,
        /** robots.txt does not allow PriceWar to read the page. Not fetched, no event. */
        DISALLOWED,
        /** The page no longer has the expected structure, or yielded nothing. No event at all. */
        LAYOUT_CHANGED,
        /** Publishing failed; the next run publishes the same changes again. */
        PUBLISH_FAILED
    }

    public ScrapeHealth {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(outcome, "outcome");
        startedAt = Objects.requireNonNull(startedAt, "startedAt").truncatedTo(ChronoUnit.MILLIS);
        finishedAt = Objects.requireNonNull(finishedAt, "finishedAt").truncatedTo(ChronoUnit.MILLIS);
        detail = detail == null ? "" : detail;
    }
}
