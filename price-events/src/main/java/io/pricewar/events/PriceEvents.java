package io.pricewar.events;

/**
 * Makes the next event of a point from where its chain stands, filling in seq, the
 * deterministic event id and the hash chain. The only way producers should create events.
 */
public final class PriceEvents {

    private PriceEvents() {
    }

    public static PriceListed listed(PointHead head, Price price, Observation seen) {
        long seq = head.seq() + 1;
        String id = EventHashing.eventId("PriceListed", head.pointId(), seq, null, price,
                seen.effectiveFrom(), seen.evidence());
        PriceListed unsigned = new PriceListed(PriceEvent.CURRENT_SCHEMA_VERSION, id, head.pointId(), seq,
                price, seen.observedAt(), seen.effectiveFrom(), seen.evidence(), head.hash(), "");
        return withHash(unsigned);
    }

    public static PriceChanged changed(PointHead head, Price previous, Price next, Observation seen) {
        requireNotFirst(head);
        long seq = head.seq() + 1;
        String id = EventHashing.eventId("PriceChanged", head.pointId(), seq, previous, next,
                seen.effectiveFrom(), seen.evidence());
        PriceChanged unsigned = new PriceChanged(PriceEvent.CURRENT_SCHEMA_VERSION, id, head.pointId(), seq,
                previous, next, seen.observedAt(), seen.effectiveFrom(), seen.evidence(), head.hash(), "");
        return withHash(unsigned);
    }

    public static PriceDelisted delisted(PointHead head, Price last, Observation seen) {
        requireNotFirst(head);
        long seq = head.seq() + 1;
        String id = EventHashing.eventId("PriceDelisted", head.pointId(), seq, last, null,
                seen.effectiveFrom(), seen.evidence());
        PriceDelisted unsigned = new PriceDelisted(PriceEvent.CURRENT_SCHEMA_VERSION, id, head.pointId(), seq,
                last, seen.observedAt(), seen.effectiveFrom(), seen.evidence(), head.hash(), "");
        return withHash(unsigned);
    }

    private static void requireNotFirst(PointHead head) {
        if (head.isGenesis()) {
            throw new IllegalStateException(head.pointId() + " has no events yet: its first event must be a listing");
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends PriceEvent> E withHash(E unsigned) {
        String hash = EventHashing.hash(unsigned);
        PriceEvent signed = switch (unsigned) {
            case PriceListed e -> new PriceListed(e.schemaVersion(), e.eventId(), e.pointId(), e.seq(), e.price(),
                    e.observedAt(), e.effectiveFrom(), e.evidence(), e.prevHash(), hash);
            case PriceChanged e -> new PriceChanged(e.schemaVersion(), e.eventId(), e.pointId(), e.seq(),
                    e.previousPrice(), e.newPrice(), e.observedAt(), e.effectiveFrom(), e.evidence(),
                    e.prevHash(), hash);
            case PriceDelisted e -> new PriceDelisted(e.schemaVersion(), e.eventId(), e.pointId(), e.seq(),
                    e.lastPrice(), e.observedAt(), e.effectiveFrom(), e.evidence(), e.prevHash(), hash);
        };
        return (E) signed;
    }
}
