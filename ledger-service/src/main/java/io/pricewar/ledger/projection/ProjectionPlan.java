package io.pricewar.ledger.projection;

import java.util.List;

/**
 * What one batch changes: history entries to insert (duplicates are turned away by the store's
 * unique index), the newest state of each point it touched, gaps to record, and where each
 * event fell, in input order.
 */
public record ProjectionPlan(
        List<HistoryEntry> history,
        List<CurrentPrice> current,
        List<SeqGap> gaps,
        List<Placement> placements) {

    public ProjectionPlan {
        history = List.copyOf(history);
        current = List.copyOf(current);
        gaps = List.copyOf(gaps);
        placements = List.copyOf(placements);
    }
}
