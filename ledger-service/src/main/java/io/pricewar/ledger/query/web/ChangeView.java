package io.pricewar.ledger.query.web;

import io.pricewar.ledger.query.Change;

import java.time.Instant;

/** A change with its point and how far it moved; {@code relativeChange} -0.97 is a 97% cut. */
record ChangeView(
        String pointId,
        String vendor,
        String model,
        String meter,
        String tier,
        long seq,
        String type,
        String eventId,
        PriceView previousPrice,
        PriceView price,
        String deltaPer1M,
        String relativeChange,
        Instant observedAt,
        Instant effectiveAt,
        String evidenceSha256) {

    static ChangeView of(Change change) {
        var e = change.entry();
        var id = e.pointId();
        return new ChangeView(id.toString(), id.vendor(), id.model(), id.meter(), id.tier(), e.seq(), e.type(),
                e.eventId(), PriceView.of(e.previousPrice()), PriceView.of(e.price()),
                change.deltaPer1M() == null ? null : change.deltaPer1M().toPlainString(),
                change.relativeChange() == null ? null : change.relativeChange().toPlainString(),
                e.observedAt(), e.effectiveAt(), e.evidence().sha256());
    }
}
