package io.pricewar.events;

import java.util.List;
import java.util.Optional;

/** Checks the events of one point, in seq order, for an unbroken hash chain. */
public final class HashChain {

    private HashChain() {
    }

    /** The first link that does not hold, or empty when the whole chain verifies. */
    public static Optional<BrokenLink> firstBrokenLink(List<? extends PriceEvent> eventsInSeqOrder) {
        String expectedPrev = PointHead.GENESIS_HASH;
        long expectedSeq = 1;
        for (PriceEvent event : eventsInSeqOrder) {
            if (event.seq() != expectedSeq) {
                return Optional.of(new BrokenLink(event, "expected seq " + expectedSeq + " but found " + event.seq()));
            }
            if (!event.prevHash().equals(expectedPrev)) {
                return Optional.of(new BrokenLink(event, "prevHash does not match the hash of seq " + (expectedSeq - 1)));
            }
            if (!event.hashIsIntact()) {
                return Optional.of(new BrokenLink(event, "hash does not match the event's content"));
            }
            expectedPrev = event.hash();
            expectedSeq++;
        }
        return Optional.empty();
    }

    public record BrokenLink(PriceEvent event, String reason) {
    }
}
