package io.pricewar.ledger.projection;

import io.pricewar.events.PricePointId;

import java.util.List;
import java.util.Map;

/**
 * What one batch changes: history entries to insert (duplicates are turned away by the store's
 * unique index), the newest state of each point it touched, gaps to record, and where each
 * event fell, in input order. {@code readSeqs} are the seqs the fold started from, so that the
 * store can make each current write a compare-and-set on what the batch read.
 */
public record ProjectionPlan(
        List<HistoryEntry> history,
        List<CurrentPrice> current,
        List<SeqGap> gaps,
        List<Placement> placements,
        Map<PricePointId, Long> readSeqs) {

    public ProjectionPlan {
        history = List.copyOf(history);
        current = List.copyOf(current);
        gaps = List.copyOf(gaps);
        placements = List.copyOf(placements);
        readSeqs = Map.copyOf(readSeqs);
    }

    /** The seq {@code point} stood at when the batch was read; 0 if the store did not have it. */
    public long readSeq(PricePointId point) {
        return readSeqs.getOrDefault(point, 0L);
    }
}
