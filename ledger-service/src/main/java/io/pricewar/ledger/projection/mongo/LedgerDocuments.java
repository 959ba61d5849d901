package io.pricewar.ledger.projection.mongo;

import io.pricewar.events.Evidence;
import io.pricewar.events.Price;
import io.pricewar.events.PricePointId;
import io.pricewar.events.PriceUnit;
import io.pricewar.ledger.projection.CurrentPrice;
import io.pricewar.ledger.projection.HistoryEntry;
import io.pricewar.ledger.projection.PointStatus;
import io.pricewar.ledger.projection.SeqGap;
import io.pricewar.ledger.projection.SourcePosition;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.time.Instant;
import java.util.Currency;
import java.util.Date;

/**
 * Projection records as documents and back; every field name is declared here. Amounts are
 * Decimal128 (exact, and comparable in queries), with the currency code and unit beside them.
 * Instants are BSON dates, so they keep millisecond precision.
 */
public final class LedgerDocuments {

    public static final String ID = "_id";
    public static final String POINT_ID = "pointId";
    public static final String SEQ = "seq";
    public static final String VENDOR = "vendor";
    public static final String MODEL = "model";
    public static final String METER = "meter";
    public static final String TIER = "tier";
    public static final String PRICE = "price";
    public static final String PRICE_CURRENCY = PRICE + ".currency";
    public static final String PRICE_PER_1M = PRICE + ".per1M";
    public static final String EVIDENCE_SHA256 = "evidence.sha256";
    public static final String SOURCE_PARTITION = "source.partition";
    public static final String SOURCE_OFFSET = "source.offset";
    public static final String OFFSET = "offset";
    public static final String PARTITION = "partition";

    public static final String TYPE = "type";
    public static final String EVENT_ID = "eventId";
    public static final String PREVIOUS_PRICE = "previousPrice";
    private static final String AMOUNT = "amount";
    private static final String CURRENCY = "currency";
    private static final String UNIT = "unit";
    public static final String PER_1M = "per1M";
    public static final String OBSERVED_AT = "observedAt";
    private static final String EFFECTIVE_FROM = "effectiveFrom";
    public static final String EFFECTIVE_AT = "effectiveAt";
    public static final String EVIDENCE = "evidence";
    private static final String URL = "url";
    private static final String FETCHED_AT = "fetchedAt";
    public static final String SHA256 = "sha256";
    private static final String CELL_TEXT = "cellText";
    private static final String PREV_HASH = "prevHash";
    public static final String HASH = "hash";
    public static final String SOURCE = "source";
    public static final String TOPIC = "topic";
    private static final String STATUS = "status";
    /** Absent on entries stored before it was kept; those were all written at version 1. */
    private static final String SCHEMA_VERSION = "schemaVersion";
    private static final String LAST_EVENT_ID = "lastEventId";
    private static final String EXPECTED_SEQ = "expectedSeq";
    private static final String FOUND_SEQ = "foundSeq";

    private LedgerDocuments() {
    }

    public static Document history(HistoryEntry entry) {
        return withPoint(new Document(), entry.pointId())
                .append(SEQ, entry.seq())
                .append(TYPE, entry.type())
                .append(EVENT_ID, entry.eventId())
                .append(PREVIOUS_PRICE, price(entry.previousPrice()))
                .append(PRICE, price(entry.price()))
                .append(OBSERVED_AT, date(entry.observedAt()))
                .append(EFFECTIVE_FROM, date(entry.effectiveFrom()))
                .append(EFFECTIVE_AT, date(entry.effectiveAt()))
                .append(EVIDENCE, evidence(entry.evidence()))
                .append(PREV_HASH, entry.prevHash())
                .append(HASH, entry.hash())
                .append(SOURCE, source(entry.source()))
                .append(SCHEMA_VERSION, entry.schemaVersion());
    }

    public static HistoryEntry historyEntry(Document doc) {
        return new HistoryEntry(PricePointId.parse(doc.getString(POINT_ID)), seq(doc), doc.getString(TYPE),
                doc.getString(EVENT_ID), price(doc.get(PREVIOUS_PRICE, Document.class)),
                price(doc.get(PRICE, Document.class)), instant(doc, OBSERVED_AT), instant(doc, EFFECTIVE_FROM),
                instant(doc, EFFECTIVE_AT), evidence(doc.get(EVIDENCE, Document.class)), doc.getString(PREV_HASH),
                doc.getString(HASH), source(doc.get(SOURCE, Document.class)),
                doc.getInteger(SCHEMA_VERSION, 1));
    }

    /** The whole current document, {@code _id} included, for a conditional replace-or-insert. */
    static Document current(CurrentPrice current) {
        return withPoint(new Document(ID, current.pointId().toString()), current.pointId())
                .append(STATUS, current.status().name())
                .append(SEQ, current.seq())
                .append(PRICE, price(current.price()))
                .append(OBSERVED_AT, date(current.observedAt()))
                .append(EFFECTIVE_AT, date(current.effectiveAt()))
                .append(LAST_EVENT_ID, current.lastEventId());
    }

    public static CurrentPrice currentPrice(Document doc) {
        return new CurrentPrice(PricePointId.parse(doc.getString(ID)), PointStatus.valueOf(doc.getString(STATUS)),
                seq(doc), price(doc.get(PRICE, Document.class)), instant(doc, OBSERVED_AT),
                instant(doc, EFFECTIVE_AT), doc.getString(LAST_EVENT_ID));
    }

    /** Keyed by point and found seq, so recording the same gap again is a no-op. */
    static Document gap(SeqGap gap) {
        return new Document(ID, gap.pointId() + "#" + gap.foundSeq())
                .append(POINT_ID, gap.pointId().toString())
                .append(EXPECTED_SEQ, gap.expectedSeq())
                .append(FOUND_SEQ, gap.foundSeq())
                .append(EVENT_ID, gap.eventId())
                .append(SOURCE, source(gap.source()));
    }

    static String checkpointId(SourcePosition position) {
        return position.topic() + "-" + position.partition();
    }

    static Document checkpointKey(SourcePosition position) {
        return new Document(TOPIC, position.topic()).append(PARTITION, position.partition());
    }

    static long seq(Document doc) {
        return ((Number) doc.get(SEQ)).longValue();
    }

    private static Document withPoint(Document doc, PricePointId pointId) {
        return doc.append(POINT_ID, pointId.toString())
                .append(VENDOR, pointId.vendor())
                .append(MODEL, pointId.model())
                .append(METER, pointId.meter())
                .append(TIER, pointId.tier());
    }

    static Document price(Price price) {
        if (price == null) {
            return null;
        }
        return new Document(AMOUNT, new Decimal128(price.amount()))
                .append(CURRENCY, price.currency().getCurrencyCode())
                .append(UNIT, price.unit().name())
                .append(PER_1M, new Decimal128(price.per1M()));
    }

    static Price price(Document doc) {
        if (doc == null) {
            return null;
        }
        return new Price(doc.get(AMOUNT, Decimal128.class).bigDecimalValue(),
                Currency.getInstance(doc.getString(CURRENCY)), PriceUnit.valueOf(doc.getString(UNIT)));
    }

    private static Document evidence(Evidence evidence) {
        return new Document(URL, evidence.url())
                .append(FETCHED_AT, date(evidence.fetchedAt()))
                .append(SHA256, evidence.sha256())
                .append(CELL_TEXT, evidence.cellText());
    }

    private static Evidence evidence(Document doc) {
        return new Evidence(doc.getString(URL), instant(doc, FETCHED_AT), doc.getString(SHA256),
                doc.getString(CELL_TEXT));
    }

    private static Document source(SourcePosition position) {
        return new Document(TOPIC, position.topic())
                .append(PARTITION, position.partition())
                .append(OFFSET, position.offset());
    }

    private static SourcePosition source(Document doc) {
        return new SourcePosition(doc.getString(TOPIC), ((Number) doc.get(PARTITION)).intValue(),
                ((Number) doc.get(OFFSET)).longValue());
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document doc, String field) {
        Date date = doc.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
