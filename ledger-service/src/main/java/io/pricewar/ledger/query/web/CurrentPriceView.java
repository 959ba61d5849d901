package io.pricewar.ledger.query.web;

import io.pricewar.ledger.projection.CurrentPrice;

import java.time.Instant;

public record CurrentPriceView(
        String pointId,
        String vendor,
        String model,
        String meter,
        String tier,
        String status,
        long seq,
        PriceView price,
        Instant observedAt,
        Instant effectiveAt,
        String lastEventId) {

    public static CurrentPriceView of(CurrentPrice current) {
        var id = current.pointId();
        return new CurrentPriceView(id.toString(), id.vendor(), id.model(), id.meter(), id.tier(),
                current.status().name(), current.seq(), PriceView.of(current.price()), current.observedAt(),
                current.effectiveAt(), current.lastEventId());
    }
}
