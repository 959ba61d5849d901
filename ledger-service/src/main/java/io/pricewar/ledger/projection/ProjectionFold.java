package io.pricewar.ledger.projection;

import io.pricewar.events.PricePointId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds a batch of events, in log order, over the seq each point has reached in the store. The
 * heads advance within the batch, so a batch holding seq 1 and 2 of a new point is two NEXTs,
 * and the same event twice in one batch is NEXT then NOT_NEWER.
 */
public final class ProjectionFold {

    private ProjectionFold() {
    }

    /** @param storedSeqs the seq each point has in the store; points not in it stand at 0 */
    public static ProjectionPlan plan(List<SourcedEvent> events, Map<PricePointId, Long> storedSeqs) {
        Map<PricePointId, Long> heads = new HashMap<>(storedSeqs);
        Map<PricePointId, CurrentPrice> newest = new LinkedHashMap<>();
        List<HistoryEntry> history = new ArrayList<>(events.size());
        List<SeqGap> gaps = new ArrayList<>();
        List<Placement> placements = new ArrayList<>(events.size());
        for (SourcedEvent sourced : events) {
            var event = sourced.event();
            long head = heads.getOrDefault(event.pointId(), 0L);
            Placement placement = place(event.seq(), head);
            placements.add(placement);
            history.add(HistoryEntry.of(sourced));
            if (placement == Placement.NOT_NEWER) {
                continue;
            }
            if (placement == Placement.AFTER_GAP) {
                gaps.add(new SeqGap(event.pointId(), head + 1, event.seq(), event.eventId(), sourced.position()));
            }
            heads.put(event.pointId(), event.seq());
            newest.put(event.pointId(), CurrentPrice.after(event));
        }
        return new ProjectionPlan(history, List.copyOf(newest.values()), gaps, placements, storedSeqs);
    }

    static Placement place(long seq, long head) {
        if (seq <= head) {
            return Placement.NOT_NEWER;
        }
        return seq == head + 1 ? Placement.NEXT : Placement.AFTER_GAP;
    }
}
