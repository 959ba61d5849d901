package io.pricewar.ledger.query.web;

import io.pricewar.ledger.query.Change;
import io.pricewar.ledger.query.InvalidParameterException;
import io.pricewar.ledger.query.PriceFilter;
import io.pricewar.ledger.query.PriceQueries;
import io.pricewar.ledger.query.TimeRange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

import java.util.Locale;
import java.util.Set;

@RestController
@Tag(name = "changes", description = "Every recorded change in a window")
class ChangesController {

    private static final Set<String> TYPES = Set.of("PriceListed", "PriceChanged", "PriceDelisted");

    private final PriceQueries queries;

    ChangesController(PriceQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/changes")
    @Operation(summary = "Changes observed in [from, to), by time or biggest drops first")
    Flux<ChangeView> changes(@RequestParam(required = false) String from,
                             @RequestParam(required = false) String to,
                             @RequestParam(required = false) String vendor,
                             @RequestParam(required = false) String model,
                             @RequestParam(required = false) String meter,
                             @RequestParam(required = false) String tier,
                             @RequestParam(required = false) String currency,
                             @Parameter(description = "PriceListed, PriceChanged or PriceDelisted")
                             @RequestParam(required = false) String type,
                             @Parameter(description = "only changes that lowered the price")
                             @RequestParam(defaultValue = "false") boolean dropsOnly,
                             @Parameter(description = "time (default) or biggest-drop")
                             @RequestParam(defaultValue = "time") String sort) {
        TimeRange range = TimeRange.of(from, to);
        PriceFilter filter = PriceFilter.of(vendor, model, meter, tier, currency);
        boolean biggestDropFirst = biggestDropFirst(sort);
        String kind = type(type);
        Flux<Change> changes = queries.historyMatching(filter, range)
                .filter(entry -> kind == null || kind.equals(entry.type()))
                .map(Change::of)
                .filter(change -> !dropsOnly || change.isDrop());
        return (biggestDropFirst ? changes.sort(Change.BIGGEST_DROP_FIRST) : changes).map(ChangeView::of);
    }

    private static boolean biggestDropFirst(String sort) {
        return switch (sort.toLowerCase(Locale.ROOT)) {
            case "time" -> false;
            case "biggest-drop" -> true;
            default -> throw new InvalidParameterException("sort", sort, "must be time or biggest-drop");
        };
    }

    private static String type(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        if (!TYPES.contains(type)) {
            throw new InvalidParameterException("type", type, "must be one of " + TYPES);
        }
        return type;
    }
}
