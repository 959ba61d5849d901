package io.pricewar.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;
import java.util.Currency;

/**
 * A fact about one price point, as recorded on {@link Topics#PRICE_EVENTS}. Events of a point
 * are numbered by {@link #seq()} from 1 and chained by hash: {@link #prevHash()} is the
 * {@link #hash()} of the point's previous event (or {@link PointHead#GENESIS_HASH}), so that
 * altering or dropping any recorded event is detectable.
 *
 * <p>The interface is sealed so that every {@code switch} over events handles every kind.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = PriceListed.class, name = "PriceListed"),
        @JsonSubTypes.Type(value = PriceChanged.class, name = "PriceChanged"),
        @JsonSubTypes.Type(value = PriceDelisted.class, name = "PriceDelisted")})
public sealed interface PriceEvent permits PriceListed, PriceChanged, PriceDelisted {

    /**
     * The wire format version this code writes. Readers accept this and older versions, and
     * refuse newer ones. So a change an older reader can live with (a field added, which readers
     * ignore) keeps the version; only a change that alters what an existing field means, or
     * removes one, raises it, and then every consumer must be upgraded before any producer.
     */
    int CURRENT_SCHEMA_VERSION = 1;

    int schemaVersion();

    /** Derived from the observation, so a re-publish after a crash is a duplicate, not a new fact. */
    String eventId();

    PricePointId pointId();

    long seq();

    Instant observedAt();

    /** When the price applies, if the page announced it ahead of time; null means "as observed". */
    Instant effectiveFrom();

    Evidence evidence();

    String prevHash();

    String hash();

    /** The price in force after this event; for a delisting, the last price the point had. */
    @JsonIgnore
    Price currentPrice();

    @JsonProperty(value = "vendor", access = JsonProperty.Access.READ_ONLY)
    default String vendor() {
        return pointId().vendor();
    }

    @JsonProperty(value = "model", access = JsonProperty.Access.READ_ONLY)
    default String model() {
        return pointId().model();
    }

    @JsonProperty(value = "meter", access = JsonProperty.Access.READ_ONLY)
    default String meter() {
        return pointId().meter();
    }

    @JsonProperty(value = "tier", access = JsonProperty.Access.READ_ONLY)
    default String tier() {
        return pointId().tier();
    }

    @JsonProperty(value = "currency", access = JsonProperty.Access.READ_ONLY)
    default Currency currency() {
        return currentPrice().currency();
    }

    @JsonProperty(value = "unit", access = JsonProperty.Access.READ_ONLY)
    default PriceUnit unit() {
        return currentPrice().unit();
    }

    /** The instant the price takes effect: the announced date, else when it was observed. */
    @JsonIgnore
    default Instant effectiveAt() {
        return effectiveFrom() != null ? effectiveFrom() : observedAt();
    }

    /** The chain position this event leaves its point at. */
    @JsonIgnore
    default PointHead head() {
        return new PointHead(pointId(), seq(), hash());
    }

    /** True when {@link #hash()} is the hash of this event's own content and {@link #prevHash()}. */
    @JsonIgnore
    default boolean hashIsIntact() {
        return EventHashing.hash(this).equals(hash());
    }
}
