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

    /**
     * Page bodies as fetched, keyed by the lower-case hex SHA-256 of the uncompressed body, value
     * the gzip-compressed body, with the {@code SNAPSHOT_*} headers; compacted: the evidence
     * behind events.
     */
    public static final String PAGE_SNAPSHOTS = "page-snapshots";

    /**
     * The largest record {@link #PAGE_SNAPSHOTS} takes (its {@code max.message.bytes}), and the
     * largest request the scraper's producer sends ({@code max.request.size} in scraper.yml):
     * 8 MiB, room for the gzip of a body at the fetch cap (5 MB), which for a page of scripts and
     * data compresses little. Kafka's 1 MB defaults refused such a page's evidence.
     */
    public static final int PAGE_SNAPSHOTS_MAX_BYTES = 8 * 1024 * 1024;

    /**
     * The scraper's sources, one record per source (key = source id, value = its definition as
     * JSON, a tombstone to remove it), compacted. Scraper replicas share the sources by consuming
     * this topic in one consumer group: a replica scrapes the sources of its assigned partitions.
     */
    public static final String SCRAPER_SOURCES = "scraper-sources";

    /** Partitions of {@link #SCRAPER_SOURCES}: the most scraper replicas that share work. */
    public static final int SCRAPER_SOURCES_PARTITIONS = 6;

    /** Header on a {@link #PAGE_SNAPSHOTS} record: the page's URL (UTF-8 text). */
    public static final String SNAPSHOT_URL_HEADER = "pricewar-url";

    /** Header on a {@link #PAGE_SNAPSHOTS} record: when the page was fetched (ISO-8601 instant). */
    public static final String SNAPSHOT_FETCHED_AT_HEADER = "pricewar-fetched-at";

    /** Header on a {@link #PAGE_SNAPSHOTS} record: the body's content type as the server sent it. */
    public static final String SNAPSHOT_CONTENT_TYPE_HEADER = "pricewar-content-type";

    /** Header on a {@link #PAGE_SNAPSHOTS} record: how the value is compressed ("gzip"). */
    public static final String SNAPSHOT_ENCODING_HEADER = "pricewar-content-encoding";

    /** Header on a {@link #PRICE_EVENTS_DLT} record: why it could not be read (UTF-8 text). */
    public static final String DLT_REASON_HEADER = "pricewar-unreadable-reason";

    /** Partitions of {@link #PRICE_EVENTS}; consumers of one group scale out to this many. */
    public static final int PRICE_EVENTS_PARTITIONS = 6;

    private Topics() {
    }
}
