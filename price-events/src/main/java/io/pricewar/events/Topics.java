package io.pricewar.events;

/**
 * Every topic PriceWar uses, declared once. Keys and values are UTF-8 text: the key is the
 * canonical {@link PricePointId} (so all events of a point land on one partition, in order),
 * the value is the JSON that {@link PriceEventJson} reads and writes.
 */
public final class Topics {

    /** The system of record: every price event, kept forever. */
    public static final String PRICE_EVENTS = "price-events";

    /** Records the ledger could not read, with the reason in a header; kept for inspection. */
    public static final String PRICE_EVENTS_DLT = "price-events.DLT";

    /** Operational outcomes of scrapes: succeeded, failed, layout changed. Not prices. */
    public static final String SCRAPE_HEALTH = "scrape-health";

    /** Page bodies as fetched, keyed by their SHA-256, compacted: the evidence behind events. */
    public static final String PAGE_SNAPSHOTS = "page-snapshots";

    /** Header on a {@link #PRICE_EVENTS_DLT} record: why it could not be read (UTF-8 text). */
    public static final String DLT_REASON_HEADER = "pricewar-unreadable-reason";

    /** Partitions of {@link #PRICE_EVENTS}; consumers of one group scale out to this many. */
    public static final int PRICE_EVENTS_PARTITIONS = 6;

    private Topics() {
    }
}
