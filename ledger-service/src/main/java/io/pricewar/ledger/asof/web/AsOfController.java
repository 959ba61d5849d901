package io.pricewar.ledger.asof.web;

import io.pricewar.ledger.asof.AsOf;
import io.pricewar.ledger.query.InvalidParameterException;
import io.pricewar.ledger.query.PriceFilter;
import io.pricewar.ledger.query.PriceQueries;
import io.pricewar.ledger.query.PriceQueries.TimeAxis;
import io.pricewar.ledger.query.TimeRange;
import io.pricewar.ledger.query.web.CurrentPriceView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

@RestController
@Tag(name = "as-of", description = "Prices at an instant, on either time axis")
class AsOfController {

    private final PriceQueries queries;

    AsOfController(PriceQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/prices/as-of")
    @Operation(summary = "Every matching point as it stood at an instant: in effect then (axis=effective) "
            + "or as the record knew it then (axis=observed)")
    Mono<AsOfView> asOf(@Parameter(description = "ISO-8601 instant or date (UTC midnight)", required = true)
                        @RequestParam(required = false) String at,
                        @Parameter(description = "effective (default) or observed")
                        @RequestParam(defaultValue = "effective") String axis,
                        @RequestParam(required = false) String vendor,
                        @RequestParam(required = false) String model,
                        @RequestParam(required = false) String meter,
                        @RequestParam(required = false) String tier,
                        @RequestParam(required = false) String currency) {
        Instant instant = TimeRange.requiredInstant("at", at);
        TimeAxis timeAxis = axis(axis);
        PriceFilter filter = PriceFilter.of(vendor, model, meter, tier, currency);
        return queries.historyUpTo(filter, timeAxis, instant)
                .collect(() -> new AsOf.Latest(timeAxis), AsOf.Latest::add)
                .map(latest -> new AsOfView(instant, timeAxis.name().toLowerCase(Locale.ROOT),
                        latest.result().stream().map(CurrentPriceView::of).toList()));
    }

    private static TimeAxis axis(String axis) {
        try {
            return TimeAxis.valueOf(axis.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("axis", axis, "must be effective or observed");
        }
    }

    /** The question and its answer; {@code seq} and {@code lastEventId} name the event each price comes from. */
    record AsOfView(Instant at, String axis, List<CurrentPriceView> prices) {
    }
}
