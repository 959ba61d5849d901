package io.pricewar.ledger.audit;

import io.pricewar.events.HashChain;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PricePointId;
import io.pricewar.ledger.projection.HistoryEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * Verifies a point's hash chain from the ledger's own copy of its events: each stored entry is
 * rebuilt into the event it came from and {@link HashChain} recomputes every hash. An entry
 * that no longer makes an event at all (a field removed by hand) is itself the broken link.
 */
public final class ChainCheck {

    private ChainCheck() {
    }

    /** @param entries the point's stored events in seq order */
    public static ChainReport verify(PricePointId pointId, List<HistoryEntry> entries) {
        List<PriceEvent> events = new ArrayList<>(entries.size());
        for (HistoryEntry entry : entries) {
            try {
                events.add(entry.toEvent());
            } catch (RuntimeException e) {
                return new ChainReport(pointId, entries.size(), new BrokenLink(entry.seq(), entry.eventId(),
                        "stored entry is not a valid event: " + e.getMessage()));
            }
        }
        return new ChainReport(pointId, entries.size(), HashChain.firstBrokenLink(events)
                .map(link -> new BrokenLink(link.event().seq(), link.event().eventId(), link.reason()))
                .orElse(null));
    }

    /** @param firstBroken null when every link holds */
    public record ChainReport(PricePointId pointId, int events, BrokenLink firstBroken) {
        public boolean intact() {
            return firstBroken == null;
        }
    }

    public record BrokenLink(long seq, String eventId, String reason) {
    }
}
