package io.pricewar.ledger.projection;

/** Whether a point is on its vendor's page. A delisted point keeps its last price. */
public enum PointStatus {
    LISTED,
    DELISTED
}
