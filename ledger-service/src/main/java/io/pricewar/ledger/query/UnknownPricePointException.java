package io.pricewar.ledger.query;

import io.pricewar.events.PricePointId;

/** The ledger has no events for this point. */
public class UnknownPricePointException extends RuntimeException {

    private final PricePointId pointId;

    public UnknownPricePointException(PricePointId pointId) {
        super("no price point " + pointId + " in the ledger");
        this.pointId = pointId;
    }

    public PricePointId pointId() {
        return pointId;
    }
}
