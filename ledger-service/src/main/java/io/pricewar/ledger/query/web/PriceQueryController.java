package io.pricewar.ledger.query.web;

import io.pricewar.events.PricePointId;
import io.pricewar.ledger.query.InvalidParameterException;
import io.pricewar.ledger.query.PriceFilter;
import io.pricewar.ledger.query.PriceQueries;
import io.pricewar.ledger.query.UnknownPricePointException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

@RestController
@RequestMapping("/api/v1/prices")
class PriceQueryController {

    private final PriceQueries queries;

    PriceQueryController(PriceQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    Flux<CurrentPriceView> currentPrices(@RequestParam(required = false) String vendor,
                                         @RequestParam(required = false) String model,
                                         @RequestParam(required = false) String meter,
                                         @RequestParam(required = false) String tier,
                                         @RequestParam(required = false) String currency) {
        PriceFilter filter = PriceFilter.of(vendor, model, meter, tier, currency);
        return queries.currentPrices(filter).map(CurrentPriceView::of);
    }

    /** Collected before answering, so that an unknown point is a 404 rather than an empty 200. */
    @GetMapping("/{pointId}/history")
    Mono<List<HistoryEntryView>> history(@PathVariable String pointId) {
        PricePointId id = parsePointId(pointId);
        return queries.history(id)
                .map(HistoryEntryView::of)
                .collectList()
                .filter(entries -> !entries.isEmpty())
                .switchIfEmpty(Mono.error(() -> new UnknownPricePointException(id)));
    }

    private static PricePointId parsePointId(String pointId) {
        try {
            return PricePointId.parse(pointId);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("pointId", pointId, "is not a price point id: " + e.getMessage());
        }
    }
}
