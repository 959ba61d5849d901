package io.pricewar.ledger.workload;

import io.pricewar.events.Price;
import io.pricewar.ledger.projection.CurrentPrice;
import io.pricewar.ledger.projection.PointStatus;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Ranks models by what a workload would cost per million tokens. A model here is one vendor's
 * model in one tier (its input and output meters of the same tier price one kind of call). The
 * blended price is the mix-weighted mean of its meters' per-1M prices, each converted to the
 * comparison currency; the headline price is the input price alone, the figure vendors
 * advertise. Cached input without its own price is charged as input, and the answer says so.
 */
public final class WorkloadRanking {

    private WorkloadRanking() {
    }

    public static Ranking rank(List<CurrentPrice> current, Workload workload, MeterNames meters, FxRates fx) {
        Map<String, Map<String, CurrentPrice>> models = new LinkedHashMap<>();
        current.stream().filter(p -> p.status() == PointStatus.LISTED).forEach(p -> models
                .computeIfAbsent(p.pointId().vendor() + ":" + p.pointId().model() + ":" + p.pointId().tier(),
                        key -> new LinkedHashMap<>())
                .put(p.pointId().meter(), p));
        List<ModelCost> ranked = new ArrayList<>();
        List<Excluded> excluded = new ArrayList<>();
        Set<FxRates.Rate> rates = new LinkedHashSet<>();
        models.forEach((key, byMeter) -> {
            String why = whyExcluded(key, byMeter, workload, meters);
            if (why != null) {
                excluded.add(new Excluded(key, why));
            } else {
                ranked.add(cost(key, byMeter, workload, meters, fx, rates));
            }
        });
        ranked.sort(Comparator.comparing(ModelCost::blendedPer1M).thenComparing(ModelCost::model));
        return new Ranking(ranked, excluded, List.copyOf(rates));
    }

    private static String whyExcluded(String key, Map<String, CurrentPrice> byMeter, Workload workload,
                                      MeterNames meters) {
        if (!byMeter.containsKey(meters.input())) {
            return "no current '" + meters.input() + "' price";
        }
        if (workload.mix().output().signum() > 0 && !byMeter.containsKey(meters.output())) {
            return "no current '" + meters.output() + "' price";
        }
        if (workload.minContext().isPresent()) {
            String[] parts = key.split(":");
            OptionalLong context = ContextLength.of(parts[1], parts[2]);
            if (context.isEmpty()) {
                return "context length unknown: the data does not state it, so it cannot be shown to meet "
                        + workload.minContext().getAsLong();
            }
            if (context.getAsLong() < workload.minContext().getAsLong()) {
                return "context " + context.getAsLong() + " is below " + workload.minContext().getAsLong();
            }
        }
        return null;
    }

    private static ModelCost cost(String key, Map<String, CurrentPrice> byMeter, Workload workload,
                                  MeterNames meters, FxRates fx, Set<FxRates.Rate> rates) {
        List<String> notes = new ArrayList<>();
        BigDecimal input = converted(byMeter.get(meters.input()).price(), workload, fx, rates);
        BigDecimal output = byMeter.containsKey(meters.output())
                ? converted(byMeter.get(meters.output()).price(), workload, fx, rates) : BigDecimal.ZERO;
        BigDecimal cached = input;
        if (byMeter.containsKey(meters.cachedInput())) {
            cached = converted(byMeter.get(meters.cachedInput()).price(), workload, fx, rates);
        } else if (workload.mix().cachedInput().signum() > 0) {
            notes.add("no '" + meters.cachedInput() + "' price: cached input charged at the input price");
        }
        TokenMix mix = workload.mix();
        BigDecimal blended = mix.input().multiply(input).add(mix.output().multiply(output))
                .add(mix.cachedInput().multiply(cached))
                .divide(mix.total(), MathContext.DECIMAL128).stripTrailingZeros();
        String[] parts = key.split(":");
        Map<String, Price> quoted = new LinkedHashMap<>();
        byMeter.forEach((meter, price) -> quoted.put(meter, price.price()));
        OptionalLong context = ContextLength.of(parts[1], parts[2]);
        return new ModelCost(parts[0], parts[1], parts[2], context.isPresent() ? context.getAsLong() : null,
                input.stripTrailingZeros(), blended, workload.currency().getCurrencyCode(), quoted, notes);
    }

    private static BigDecimal converted(Price price, Workload workload, FxRates fx, Set<FxRates.Rate> used) {
        FxRates.Rate rate = fx.rate(price.currency(), workload.currency(), workload.day());
        if (!price.currency().equals(workload.currency())) {
            used.add(rate);
        }
        return rate.apply(price.per1M());
    }

    /**
     * @param headlineInputPer1M the input price per 1M tokens, converted
     * @param blendedPer1M       the mix-weighted price per 1M tokens, converted
     * @param quoted             each meter's price as the vendor quotes it
     */
    public record ModelCost(String vendor, String model, String tier, Long contextTokens,
                            BigDecimal headlineInputPer1M, BigDecimal blendedPer1M, String currency,
                            Map<String, Price> quoted, List<String> notes) {
    }

    /** A model left out of the ranking, and why. */
    public record Excluded(String model, String reason) {
    }

    /** @param ratesUsed every exchange rate the ranking applied, with its date */
    public record Ranking(List<ModelCost> ranked, List<Excluded> excluded, List<FxRates.Rate> ratesUsed) {
    }
}
