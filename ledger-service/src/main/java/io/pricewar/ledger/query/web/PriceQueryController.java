package io.pricewar.ledger.query.web;

import io.pricewar.events.PricePointId;
import io.pricewar.ledger.query.HistoryPage;
import io.pricewar.ledger.query.InvalidParameterException;
import io.pricewar.ledger.query.PriceFilter;
import io.pricewar.ledger.query.PriceQueries;
import io.pricewar.ledger.query.TimeRange;
import io.pricewar.ledger.query.UnknownPricePointException;
import io.pricewar.ledger.workload.FxRates;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Currency;
import java.util.List;

@RestController
@RequestMapping("/api/v1/prices")
@Tag(name = "prices", description = "Current prices and the history of each price point")
class PriceQueryController {

    private final PriceQueries queries;
    private final FxRates fx;

    PriceQueryController(PriceQueries queries, FxRates fx) {
        this.queries = queries;
        this.fx = fx;
    }

    @GetMapping
    @Operation(summary = "Current prices, filtered; model is a glob (qwen-*)")
    Flux<CurrentPriceView> currentPrices(@RequestParam(required = false) String vendor,
                                         @Parameter(description = "glob over the model slug: * and ?")
                                         @RequestParam(required = false) String model,
                                         @RequestParam(required = false) String meter,
                                         @RequestParam(required = false) String tier,
                                         @Parameter(description = "ISO 4217 code of the price")
                                         @RequestParam(required = false) String currency) {
        PriceFilter filter = PriceFilter.of(vendor, model, meter, tier, currency);
        return queries.currentPrices(filter).map(CurrentPriceView::of);
    }

    /**
     * Collected before answering, so that an unknown point is a 404 rather than an empty 200. The
     * body stays a plain array; the next page, if any, is in a {@code Link: <…>; rel="next"}
     * header (RFC 8288) and in {@code X-Next-Cursor}.
     */
    @GetMapping("/{pointId}/history")
    @Operation(summary = "History of a point in seq order, optionally in an observation-time range, paged by cursor")
    Mono<ResponseEntity<List<HistoryEntryView>>> history(
            @PathVariable String pointId,
            @Parameter(description = "inclusive, ISO-8601 instant or date") @RequestParam(required = false) String from,
            @Parameter(description = "exclusive, ISO-8601 instant or date") @RequestParam(required = false) String to,
            @Parameter(description = "1 to 1000, default 1000") @RequestParam(required = false) Integer limit,
            @Parameter(description = "from the previous page's Link header") @RequestParam(required = false) String cursor,
            @Parameter(description = "ISO 4217: each entry's prices also converted, by the rate of the day it took effect")
            @RequestParam(required = false) String currency,
            ServerHttpRequest request) {
        PricePointId id = parsePointId(pointId);
        TimeRange range = TimeRange.of(from, to);
        int pageSize = HistoryPage.limit(limit);
        long afterSeq = HistoryPage.afterSeq(cursor);
        Currency target = currency == null ? null : PriceFilter.currency("currency", currency);
        if (target != null) {
            fx.requireKnown(target);
        }
        return queries.history(id, range, afterSeq, pageSize)
                .map(entry -> target == null ? HistoryEntryView.of(entry) : HistoryEntryView.of(entry, target, fx))
                .collectList()
                .flatMap(entries -> entries.isEmpty() && afterSeq == 0 ? knownOrNotFound(id) : Mono.just(entries))
                .map(entries -> page(entries, pageSize, request));
    }

    /** An empty range of a known point is an empty page; an unknown point is a 404. */
    private Mono<List<HistoryEntryView>> knownOrNotFound(PricePointId id) {
        return queries.history(id, TimeRange.ALL, 0, 1)
                .hasElements()
                .flatMap(known -> known ? Mono.just(List.<HistoryEntryView>of())
                        : Mono.error(new UnknownPricePointException(id)));
    }

    private static ResponseEntity<List<HistoryEntryView>> page(List<HistoryEntryView> entries, int pageSize,
                                                               ServerHttpRequest request) {
        if (entries.size() < pageSize) {
            return ResponseEntity.ok(entries);
        }
        String cursor = HistoryPage.cursorAfter(entries.getLast().seq());
        String next = UriComponentsBuilder.fromUri(request.getURI()).replaceQueryParam("cursor", cursor)
                .build().toUriString();
        return ResponseEntity.ok()
                .header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"")
                .header("X-Next-Cursor", cursor)
                .body(entries);
    }

    static PricePointId parsePointId(String pointId) {
        try {
            return PricePointId.parse(pointId);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("pointId", pointId, "is not a price point id: " + e.getMessage());
        }
    }
}
