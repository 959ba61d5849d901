package io.pricewar.scraper.run;

/** How a run of one source ended; the tag of the {@code pricewar.scraper.scrapes} counter. */
public enum ScrapeOutcome {
    /** The page was read and its changes, if any, published. */
    SUCCEEDED,
    /** The page could not be fetched (status, timeout, size). No event. */
    FETCH_FAILED,
    /** The page no longer has the expected structure or yielded no price. No event. */
    LAYOUT_CHANGED,
    /** Publishing failed; the next run publishes the same events again, with the same ids. */
    PUBLISH_FAILED
}
