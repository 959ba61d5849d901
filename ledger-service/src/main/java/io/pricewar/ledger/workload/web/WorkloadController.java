package io.pricewar.ledger.workload.web;

import io.pricewar.ledger.query.InvalidParameterException;
import io.pricewar.ledger.query.PriceFilter;
import io.pricewar.ledger.query.PriceQueries;
import io.pricewar.ledger.query.TimeRange;
import io.pricewar.ledger.query.web.FxRateView;
import io.pricewar.ledger.query.web.PriceView;
import io.pricewar.ledger.workload.FxRates;
import io.pricewar.ledger.workload.MeterNames;
import io.pricewar.ledger.workload.TokenMix;
import io.pricewar.ledger.workload.Workload;
import io.pricewar.ledger.workload.WorkloadRanking;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

@RestController
@Tag(name = "workload", description = "Cheapest models for a token mix")
class WorkloadController {

    private final PriceQueries queries;
    private final FxRates fx;
    private final MeterNames meters;
    private final Clock clock;

    @Autowired
    WorkloadController(PriceQueries queries, WorkloadProperties properties, FxRates fx) {
        this(queries, fx, properties.meters(), Clock.systemUTC());
    }

    WorkloadController(PriceQueries queries, FxRates fx, MeterNames meters, Clock clock) {
        this.queries = queries;
        this.fx = fx;
        this.meters = meters;
        this.clock = clock;
    }

    @GetMapping("/api/v1/workload/cheapest")
    @Operation(summary = "Models ranked by blended price per 1M tokens for a token mix, in one currency")
    Mono<RankingView> cheapest(@Parameter(description = "input:output[:cachedInput], e.g. 3:1 or 3:1:2")
                               @RequestParam(defaultValue = "1:1") String mix,
                               @Parameter(description = "ISO 4217 comparison currency")
                               @RequestParam(defaultValue = "CNY") String currency,
                               @Parameter(description = "least context in tokens; models whose names do not state "
                                       + "their context are then excluded and listed as such")
                               @RequestParam(required = false) Long minContext,
                               @RequestParam(required = false) String vendor,
                               @Parameter(description = "date whose exchange rates apply; default today (UTC)")
                               @RequestParam(required = false) String ratesOn,
                               @RequestParam(defaultValue = "20") int limit) {
        Currency target = PriceFilter.currency("currency", currency);
        fx.requireKnown(target);
        if (limit < 1) {
            throw new InvalidParameterException("limit", Integer.toString(limit), "must be at least 1");
        }
        if (minContext != null && minContext < 0) {
            throw new InvalidParameterException("minContext", minContext.toString(), "cannot be negative");
        }
        Instant day = ratesOn == null ? clock.instant() : TimeRange.requiredInstant("ratesOn", ratesOn);
        Workload workload = new Workload(TokenMix.parse(mix), target, LocalDate.ofInstant(day, ZoneOffset.UTC),
                minContext == null ? OptionalLong.empty() : OptionalLong.of(minContext));
        return queries.currentPrices(PriceFilter.of(vendor, null, null, null, null))
                .collectList()
                .map(current -> WorkloadRanking.rank(current, workload, meters, fx))
                .map(ranking -> RankingView.of(workload, ranking, limit));
    }

    /** Amounts and rates as plain decimal strings, like every amount in the API. */
    record RankingView(String mix, String currency, Long minContext, String contextPolicy,
                       List<FxRateView> ratesUsed, List<ModelCostView> ranking,
                       List<WorkloadRanking.Excluded> excluded) {

        static RankingView of(Workload workload, WorkloadRanking.Ranking ranking, int limit) {
            return new RankingView(workload.mix().toString(), workload.currency().getCurrencyCode(),
                    workload.minContext().isPresent() ? workload.minContext().getAsLong() : null,
                    "context is read from model and tier names (doubao-pro-32k, 32k-lt-token-le-128k); "
                            + "models whose names state none are excluded when minContext is given",
                    ranking.ratesUsed().stream().map(FxRateView::of).toList(),
                    ranking.ranked().stream().limit(limit).map(ModelCostView::of).toList(),
                    ranking.excluded());
        }
    }

    record ModelCostView(String vendor, String model, String tier, Long contextTokens, String headlineInputPer1M,
                         String blendedPer1M, String currency, Map<String, PriceView> quoted, List<String> notes) {
        static ModelCostView of(WorkloadRanking.ModelCost cost) {
            Map<String, PriceView> quoted = new LinkedHashMap<>();
            cost.quoted().forEach((meter, price) -> quoted.put(meter, PriceView.of(price)));
            return new ModelCostView(cost.vendor(), cost.model(), cost.tier(), cost.contextTokens(),
                    cost.headlineInputPer1M().toPlainString(), cost.blendedPer1M().toPlainString(), cost.currency(),
                    quoted, cost.notes());
        }
    }
}
