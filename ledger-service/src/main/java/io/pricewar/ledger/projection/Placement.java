package io.pricewar.ledger.projection;

/** Where an event falls against the seq its point has reached in the ledger. */
public enum Placement {
    /** The point's next seq: recorded and made current. */
    NEXT,
    /** Past the next seq: recorded, made current, and the missing seqs recorded as a gap. */
    AFTER_GAP,
    /**
     * At or below the point's seq: a redelivery or a re-publish (the history's unique (pointId,
     * seq) index turns it away, and it is counted as a duplicate) or a late event filling a
     * gap (kept in history). Never made current, since the point already stands further on.
     */
    NOT_NEWER
}
