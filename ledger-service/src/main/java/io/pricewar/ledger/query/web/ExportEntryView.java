package io.pricewar.ledger.query.web;

import io.pricewar.ledger.projection.HistoryEntry;

/** A history entry with its point, for exports that mix points. */
record ExportEntryView(String pointId, String vendor, String model, String meter, String tier, HistoryEntryView event) {

    static ExportEntryView of(HistoryEntry entry) {
        var id = entry.pointId();
        return new ExportEntryView(id.toString(), id.vendor(), id.model(), id.meter(), id.tier(),
                HistoryEntryView.of(entry));
    }
}
