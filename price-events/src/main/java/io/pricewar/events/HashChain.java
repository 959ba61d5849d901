package io.pricewar.events;

import java.util.List;
import java.util.Optional;

/** Checks the events of one point, in seq order, for an unbroken hash chain. */
public final class HashChain {

    private HashChain() {
    }

    /** The first link that does not hold, or empty when the whole chain verifies. */
    public static Optional<BrokenLink> firstBrokenLink(List<? extends PriceEvent> eventsInSeqOrder) {
        Walk walk = new Walk();
        for (PriceEvent event : eventsInSeqOrder) {
            Optional<String> broken = walk.next(event);
            if (broken.isPresent()) {
                return Optional.of(new BrokenLink(event, broken.get()));
            }
        }
        return Optional.empty();
    }

    public record BrokenLink(PriceEvent event, String reason) {
    }

    /** Follows one point's chain an event at a time, for callers that cannot hold all its events. */
    public static final class Walk {
        private String expectedPrev = PointHead.GENESIS_HASH;
        private long expectedSeq = 1;

        /** The seq the next link must have. */
        public long expectedSeq() {
            return expectedSeq;
        }

        /** Why {@code event} is not the next link (the walk then stays), or empty if it is (the walk moves on). */
        public Optional<String> next(PriceEvent event) {
            if (event.seq() != expectedSeq) {
                return Optional.of("expected seq " + expectedSeq + " but found " + event.seq());
            }
            if (!event.prevHash().equals(expectedPrev)) {
                return Optional.of("prevHash does not match the hash of seq " + (expectedSeq - 1));
            }
            if (!event.hashIsIntact()) {
                return Optional.of("hash does not match the event's content");
            }
            expectedPrev = event.hash();
            expectedSeq++;
            return Optional.empty();
        }
    }
}
