package io.pricewar.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
 * @param missing         after this run, the points of the source's last healthy reading that its
 *                        pages have not shown, each with how many readings in a row; one of them is
 *                        delisted when that count reaches the scraper's delist-after
 * @param held            after this run, the changes held until a later scrape confirms them
 *
 * <p>{@code missing} and {@code held} are what the source's safeguard waits on. A replica that
 * starts, or takes the source over, carries on from the last record instead of counting again.
 * They were added without a new schema version: a record written before them reads as waiting on
 * nothing, and an older reader ignores them.
 */
public record ScrapeHealth(int schemaVersion, String sourceId, String vendor, String url, Outcome outcome,
                           Instant startedAt, Instant finishedAt, String detail, int pricesRead,
                           int eventsPublished, int changesHeld, int cellsRejected, boolean pageUnchanged,
                           String pageSha256, List<Missing> missing, List<Held> held) {

    public static final int CURRENT_SCHEMA_VERSION = 1;

    /** A point missing from the source's pages for {@code runs} healthy readings in a row. */
    public record Missing(PricePointId pointId, int runs) {
        public Missing {
            Objects.requireNonNull(pointId, "pointId");
            if (runs < 1) {
                throw new IllegalArgumentException("a missing point has been missing at least once, was " + runs);
            }
        }
    }

    /** A change held for confirmation: the price read, when it was first read, and why it was held. */
    public record Held(PricePointId pointId, Price price, Instant since, String reason) {
        public Held {
            Objects.requireNonNull(pointId, "pointId");
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(since, "since");
            reason = reason == null ? "" : reason;
        }
    }

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
        missing = missing == null ? List.of() : List.copyOf(missing);
        held = held == null ? List.of() : List.copyOf(held);
    }
}
